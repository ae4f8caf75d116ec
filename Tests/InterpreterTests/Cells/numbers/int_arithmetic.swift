// Int arithmetic: truncating division, remainder sign, precedence.
print(7 / 2)      // expect: 3
print(-7 / 2)     // expect: -3
print(7 % 3)      // expect: 1
print(-7 % 3)     // expect: -1
print(7 % -3)     // expect: 1
print(2 + 3 * 4)  // expect: 14
print((2 + 3) * 4)  // expect: 20
print(10 - 2 - 3) // expect: 5
let diff = 3 - 5
print(-diff)      // expect: 2
var n = 10
n -= 3
n *= 4
n /= 5
n %= 4
print(n)          // expect: 1
print(Int.max)    // expect: 9223372036854775807
print(Int.min)    // expect: -9223372036854775808
print(1_000_000)  // expect: 1000000
print(0x1F, 0b101, 0o17)  // expect: 31 5 15
print(abs(-4), min(3, 9), max(3, 9))  // expect: 4 3 9
print(min(5, 2, 8), max(1.5, 0.5))    // expect: 2 1.5

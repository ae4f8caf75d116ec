// swiftc: trap
let divisors = [3, 0]
print(10 % divisors[0])             // expect: 1
print(10 % divisors[1])             // expect error: remainder_by_zero.swift:4:7: Division by zero in remainder operation

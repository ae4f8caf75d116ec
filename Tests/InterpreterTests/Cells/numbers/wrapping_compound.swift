// The wrapping compound assignments (`&+=`, `&-=`, `&*=`, `&<<=`, `&>>=`) of every fixed-width integer
// type wrap around instead of trapping; the shifts take the shift amount modulo the bit width.
var a = Int.max
a &+= 1
print(a == Int.min)                      // expect: true
var b = Int8(-128)
b &-= 1
print(b)                                 // expect: 127
var c: UInt8 = 200
c &*= 2
print(c)                                 // expect: 144
var d: UInt8 = 0
d &-= 1
print(d)                                 // expect: 255
var e: Int16 = 1
e &<<= 17
print(e)                                 // expect: 2
var f: Int32 = -8
f &>>= 33
print(f)                                 // expect: -4
var g: UInt64 = UInt64.max
g &+= 2
print(g)                                 // expect: 1
var h = 5
h &*= 3
print(h)                                 // expect: 15
var xs = [Int8(127), 0]
xs[0] &+= 1
print(xs)                                // expect: [-128, 0]
struct Hash { var value: UInt32 = 2166136261 }
var hash = Hash()
for byte in "ab".utf8 {
    hash.value ^= UInt32(byte)
    hash.value &*= 16777619
}
print(hash.value)                        // expect: 1294271946
var u16: UInt16 = 1
u16 &<<= 16
print(u16)                               // expect: 1

// Unicode.Scalar: code points, failable initializers, and a string's scalars.
let a = UnicodeScalar(65)!
print(a, a.value)  // expect: A 65
print(UnicodeScalar(65) as Any)  // expect: Optional("A")
let b = Unicode.Scalar(97)!
print(type(of: a), type(of: b), type(of: UnicodeScalar(65)))  // expect: Scalar Scalar Optional<Scalar>
print(Character(a), String(b))  // expect: A a
let code: UInt32 = 0x1F600
if let smile = UnicodeScalar(code) { print(smile, smile.value) }  // expect: 😀 128512
print(UnicodeScalar(UInt32(0xD800)) == nil, UnicodeScalar(0x110000) == nil)  // expect: true true
let u8: UInt8 = 67
let c = UnicodeScalar(u8)
print(c, type(of: c))  // expect: C Scalar
for scalar in "dog!🐶".unicodeScalars { print(scalar.value, terminator: " ") }
print()  // expect: 100 111 103 33 128054 
var s = ""
for v in 72...74 { s.append(Character(UnicodeScalar(UInt8(v)))) }
print(s)  // expect: HIJ
print("abc".unicodeScalars.map { $0.value })  // expect: [97, 98, 99]
print(Array("hé".unicodeScalars))  // expect: ["h", "\u{00E9}"]
print("hé".unicodeScalars.count)  // expect: 2
let caesar = String("HAL".unicodeScalars.map { Character(UnicodeScalar($0.value + 1)!) })
print(caesar)  // expect: IBM
print(a.isASCII, a == "A", [a, b])  // expect: true true ["A", "a"]

// Int8 ... UInt64 and UInt are their own types: limits, wrap-around and conversions at their width.
print(Int8.max, Int8.min, UInt8.max, Int16.min, UInt16.max)  // expect: 127 -128 255 -32768 65535
print(Int32.max, Int32.min, UInt32.max)                       // expect: 2147483647 -2147483648 4294967295
print(Int64.max, UInt64.max, UInt.max)                        // expect: 9223372036854775807 18446744073709551615 18446744073709551615
let small: Int8 = 100
print(small &+ 100, small &* 3, Int8.min &- 1)                // expect: -56 44 127
print(UInt8(255) &+ 1, UInt8(0) &- 1)                         // expect: 0 255
var counter: UInt8 = 250
for _ in 0..<10 { counter = counter &+ 1 }
print(counter)                                                // expect: 4
let big: Int32 = 2_000_000_000
print(big / 3, big % 7, -big, big > 5)                        // expect: 666666666 5 -2000000000 true
print(Int(big) * 2, Double(small) / 8)                        // expect: 4000000000 12.5
print(Int32(Int.max - Int.max + 42), UInt8(200.9), Int16(-3.99))  // expect: 42 200 -3
print(Int8(truncatingIfNeeded: 300), UInt8(clamping: -5), Int8(clamping: 1000))  // expect: 44 0 127
print(Int8(exactly: 200) as Any, UInt8(exactly: 17) as Any)   // expect: nil Optional(17)
print(UInt8("255") as Any, UInt8("256") as Any)                // expect: Optional(255) nil
let bytes: [UInt8] = [0x48, 0x69, 255]
print(bytes, bytes.count)                                     // expect: [72, 105, 255] 3
print(UInt8(0b1010_1010) & 0x0F, UInt8(1) << 7, ~UInt8(0))     // expect: 10 128 255
print(Int16(256).byteSwapped, UInt32(12).nonzeroBitCount)     // expect: 1 2
func clip(_ x: Int) -> Int8 { Int8(clamping: x) }
print(clip(-300), clip(7), "\(Int32(9))")                     // expect: -128 7 9
print(Int32(7) == 7, UInt(3) < UInt(4), Int64(5) + 6)         // expect: true true 11
var seen: Set<UInt8> = []
for b in [UInt8(3), 7, 3, 200] { seen.insert(b) }
let histogram = Dictionary([(Int8(1), "a"), (Int8(-1), "b")], uniquingKeysWith: { x, _ in x })
print(seen.count, seen.contains(200), histogram[Int8(-1)]!)   // expect: 3 true b

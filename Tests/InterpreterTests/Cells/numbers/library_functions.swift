// Math functions, overflow-reporting arithmetic, radix strings and signs.
import Foundation
print(trunc(-2.7), atan2(1.0, 1.0), hypot(3.0, 4.0), cbrt(27.0), fmod(7.5, 2.0))   // expect: -2.0 0.7853981633974483 5.0 3.0000000000000004 1.5
print(asin(1.0), acos(1.0), sinh(0.0), cosh(0.0), remainder(7.0, 2.0))              // expect: 1.5707963267948966 0.0 0.0 1.0 -1.0
let (sum, overflow) = Int.max.addingReportingOverflow(1)
print(sum, overflow)                                  // expect: -9223372036854775808 true
print(6.multipliedReportingOverflow(by: 7))           // expect: (partialValue: 42, overflow: false)
print(Int.min.subtractingReportingOverflow(1).overflow)   // expect: true
print(String(255, radix: 16), String(255, radix: 16, uppercase: true), String(5, radix: 2))   // expect: ff FF 101
print((-2.5).sign, 3.0.sign, (-0.0).sign)             // expect: minus plus minus
print((-2.5).sign == .minus, [(1.0).sign])            // expect: true [FloatingPointSign.plus]

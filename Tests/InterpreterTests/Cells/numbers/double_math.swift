// Double operations used in ML code.
import Foundation
print(sqrt(16.0))          // expect: 4.0
print(exp(0.0))            // expect: 1.0
print(log(1.0))            // expect: 0.0
print(pow(2.0, 10.0))      // expect: 1024.0
print((9.0).squareRoot())  // expect: 3.0
print(abs(-2.5))           // expect: 2.5
print(floor(2.7), ceil(2.1))  // expect: 2.0 3.0
print(max(0.0, -3.0))      // expect: 0.0
print(tanh(0.0))           // expect: 0.0
print(Double.infinity > 1e308)  // expect: true
print(String(format: "%.3f", 3.14159))   // expect: 3.142
print(String(format: "%5.1f|%d|%@", 2.25, 7, "s"))  // expect:   2.2|7|s
print(String(format: "%03d", 7))   // expect: 007
print(String(format: "%e", 12345.678))  // expect: 1.234568e+04

// import Foundation is accepted, also more than once.
import Foundation
import Foundation
print(String(format: "%.2f", 0.125))  // expect: 0.12

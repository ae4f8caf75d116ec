// swiftc: skip
// import Foundation and import TensorFlow are accepted (TensorFlow is not there for swiftc).
import Foundation
import TensorFlow
print("imported")            // expect: imported
// cell
import UIKit                 // expect error: imports.swift:7:8: no such module 'UIKit'; notebook cells can import Foundation and TensorFlow

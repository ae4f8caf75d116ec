// Audit of everyday Swift: The Swift Programming Language, "The Basics" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
let maximumNumberOfLoginAttempts = 10
var currentLoginAttempt = 0
var x = 0.0, y = 0.0, z = 0.0
var welcomeMessage: String
welcomeMessage = "Hello"
var red, green, blue: Double
red = 1; green = 0.5; blue = 0
print(welcomeMessage, red, green, blue)
let minValue = UInt8.min, maxValue = UInt8.max
print(minValue, maxValue, Int32.max, Int.min)
let decimalInteger = 17, binaryInteger = 0b10001, octalInteger = 0o21, hexadecimalInteger = 0x11
print(decimalInteger, binaryInteger, octalInteger, hexadecimalInteger)
let oneMillion = 1_000_000
let justOverOneMillion = 1_000_000.000_000_1
print(oneMillion, justOverOneMillion, 1.25e2, 1.25e-2, 0xFp2)
let twoThousand: UInt16 = 2_000
let one: UInt8 = 1
print(twoThousand + UInt16(one))
let three = 3
let pointOneFourOneFiveNine = 0.14159
let pi = Double(three) + pointOneFourOneFiveNine
print(pi, Int(pi), Int(-3.9))
typealias AudioSample = UInt16
print(AudioSample.min)
let http404Error = (404, "Not Found")
let (statusCode, statusMessage) = http404Error
print("The status code is \(statusCode)", statusMessage, http404Error.0)
let (justTheStatusCode, _) = http404Error
let http200Status = (statusCode: 200, description: "OK")
print(justTheStatusCode, http200Status.statusCode, http200Status)
let possibleNumber = "123"
let convertedNumber = Int(possibleNumber)
print(convertedNumber as Any)
var serverResponseCode: Int? = 404
serverResponseCode = nil
print(serverResponseCode as Any)
if let actualNumber = Int(possibleNumber) { print("The string has an integer value of \(actualNumber)") }
if let firstNumber = Int("4"), let secondNumber = Int("42"), firstNumber < secondNumber && secondNumber < 100 {
    print("\(firstNumber) < \(secondNumber) < 100")
}
let myNumber: Int? = 7
if let myNumber { print("My number is \(myNumber)") }
let possibleString: String? = "An optional string."
let forcedString: String = possibleString!
let assumedString: String! = "An implicitly unwrapped optional string."
let implicitString: String = assumedString
print(forcedString, implicitString)
func canThrowAnError() throws { }
do { try canThrowAnError(); print("no error") } catch { print("error") }
let age = 3
assert(age >= 0, "A person's age can't be less than zero.")
print(Bool.random() || true, type(of: 3.0))
// expect: Hello 1.0 0.5 0.0
// expect: 0 255 2147483647 -9223372036854775808
// expect: 17 17 17 17
// expect: 1000000 1000000.0000001 125.0 0.0125 60.0
// expect: 2001
// expect: 3.14159 3 -3
// expect: 0
// expect: The status code is 404 Not Found 404
// expect: 404 200 (statusCode: 200, description: "OK")
// expect: Optional(123)
// expect: nil
// expect: The string has an integer value of 123
// expect: 4 < 42 < 100
// expect: My number is 7
// expect: An optional string. An implicitly unwrapped optional string.
// expect: no error
// expect: true Double

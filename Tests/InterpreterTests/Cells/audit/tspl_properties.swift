// Audit of everyday Swift: The Swift Programming Language, "Properties" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
struct FixedLengthRange { var firstValue: Int; let length: Int }
var rangeOfThreeItems = FixedLengthRange(firstValue: 0, length: 3)
rangeOfThreeItems.firstValue = 6
print(rangeOfThreeItems)
struct Point { var x = 0.0, y = 0.0 }
struct Size { var width = 0.0, height = 0.0 }
struct Rect {
    var origin = Point()
    var size = Size()
    var center: Point {
        get { Point(x: origin.x + (size.width / 2), y: origin.y + (size.height / 2)) }
        set(newCenter) { origin.x = newCenter.x - (size.width / 2); origin.y = newCenter.y - (size.height / 2) }
    }
}
var square = Rect(origin: Point(x: 0.0, y: 0.0), size: Size(width: 10.0, height: 10.0))
let initialSquareCenter = square.center
square.center = Point(x: 15.0, y: 15.0)
print("square.origin is now at (\(square.origin.x), \(square.origin.y))", initialSquareCenter)
struct Cuboid {
    var width = 0.0, height = 0.0, depth = 0.0
    var volume: Double { width * height * depth }
}
let fourByFiveByTwo = Cuboid(width: 4.0, height: 5.0, depth: 2.0)
print("the volume of fourByFiveByTwo is \(fourByFiveByTwo.volume)")
class StepCounter {
    var totalSteps: Int = 0 {
        willSet(newTotalSteps) { print("About to set totalSteps to \(newTotalSteps)") }
        didSet { if totalSteps > oldValue { print("Added \(totalSteps - oldValue) steps") } }
    }
}
let stepCounter = StepCounter()
stepCounter.totalSteps = 200
stepCounter.totalSteps = 360
stepCounter.totalSteps = 896
struct SomeStructure {
    static var storedTypeProperty = "Some value."
    static var computedTypeProperty: Int { 1 }
}
enum SomeEnumeration { static var storedTypeProperty = "Some value."; static var computedTypeProperty: Int { 6 } }
class SomeClass { static var storedTypeProperty = "Some value."; static var computedTypeProperty: Int { 27 }; class var overrideableComputedTypeProperty: Int { 107 } }
print(SomeStructure.storedTypeProperty)
SomeStructure.storedTypeProperty = "Another value."
print(SomeStructure.storedTypeProperty, SomeEnumeration.computedTypeProperty, SomeClass.computedTypeProperty, SomeClass.overrideableComputedTypeProperty)
struct AudioChannel {
    static let thresholdLevel = 10
    static var maxInputLevelForAllChannels = 0
    var currentLevel: Int = 0 {
        didSet {
            if currentLevel > AudioChannel.thresholdLevel { currentLevel = AudioChannel.thresholdLevel }
            if currentLevel > AudioChannel.maxInputLevelForAllChannels { AudioChannel.maxInputLevelForAllChannels = currentLevel }
        }
    }
}
var leftChannel = AudioChannel()
var rightChannel = AudioChannel()
leftChannel.currentLevel = 7
print(leftChannel.currentLevel, AudioChannel.maxInputLevelForAllChannels)
rightChannel.currentLevel = 11
print(rightChannel.currentLevel, AudioChannel.maxInputLevelForAllChannels)
struct Counter { private(set) var count = 0; mutating func tick() { count += 1 } }
var c = Counter(); c.tick(); c.tick()
print(c.count)
// expect: FixedLengthRange(firstValue: 6, length: 3)
// expect: square.origin is now at (10.0, 10.0) Point(x: 5.0, y: 5.0)
// expect: the volume of fourByFiveByTwo is 40.0
// expect: About to set totalSteps to 200
// expect: Added 200 steps
// expect: About to set totalSteps to 360
// expect: Added 160 steps
// expect: About to set totalSteps to 896
// expect: Added 536 steps
// expect: Some value.
// expect: Another value. 6 27 107
// expect: 7 7
// expect: 10 10
// expect: 2

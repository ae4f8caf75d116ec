// Audit of everyday Swift: The Swift Programming Language, "Structures and Classes" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
struct Resolution { var width = 0; var height = 0 }
class VideoMode {
    var resolution = Resolution()
    var interlaced = false
    var frameRate = 0.0
    var name: String?
}
let someResolution = Resolution()
let someVideoMode = VideoMode()
print("The width of someResolution is \(someResolution.width)")
print("The width of someVideoMode is \(someVideoMode.resolution.width)")
someVideoMode.resolution.width = 1280
print("The width of someVideoMode is now \(someVideoMode.resolution.width)")
let vga = Resolution(width: 640, height: 480)
print(vga)
let hd = Resolution(width: 1920, height: 1080)
var cinema = hd
cinema.width = 2048
print("cinema is now \(cinema.width) pixels wide", "hd is still \(hd.width) pixels wide")
enum CompassPoint { case north, south, east, west
    mutating func turnNorth() { self = .north } }
var currentDirection = CompassPoint.west
let rememberedDirection = currentDirection
currentDirection.turnNorth()
print("The current direction is \(currentDirection)", "The remembered direction is \(rememberedDirection)")
let tenEighty = VideoMode()
tenEighty.resolution = hd
tenEighty.interlaced = true
tenEighty.name = "1080i"
tenEighty.frameRate = 25.0
let alsoTenEighty = tenEighty
alsoTenEighty.frameRate = 30.0
print("The frameRate property of tenEighty is now \(tenEighty.frameRate)")
if tenEighty === alsoTenEighty { print("tenEighty and alsoTenEighty refer to the same VideoMode instance.") }
print(tenEighty !== VideoMode())
var arr = [vga]
var arr2 = arr
arr2[0].width = 1
print(arr[0].width, arr2[0].width)
struct Point: Equatable, Hashable { var x: Int; var y: Int }
print(Point(x: 1, y: 2) == Point(x: 1, y: 2), Set([Point(x: 1, y: 1), Point(x: 1, y: 1)]).count)
// expect: The width of someResolution is 0
// expect: The width of someVideoMode is 0
// expect: The width of someVideoMode is now 1280
// expect: Resolution(width: 640, height: 480)
// expect: cinema is now 2048 pixels wide hd is still 1920 pixels wide
// expect: The current direction is north The remembered direction is west
// expect: The frameRate property of tenEighty is now 30.0
// expect: tenEighty and alsoTenEighty refer to the same VideoMode instance.
// expect: true
// expect: 640 1
// expect: true 1

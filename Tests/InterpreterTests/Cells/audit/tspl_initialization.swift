// Audit of everyday Swift: The Swift Programming Language, "Initialization" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
struct Fahrenheit { var temperature: Double; init() { temperature = 32.0 } }
var f = Fahrenheit()
print("The default temperature is \(f.temperature)° Fahrenheit")
struct Celsius {
    var temperatureInCelsius: Double
    init(fromFahrenheit fahrenheit: Double) { temperatureInCelsius = (fahrenheit - 32.0) / 1.8 }
    init(fromKelvin kelvin: Double) { temperatureInCelsius = kelvin - 273.15 }
    init(_ celsius: Double) { temperatureInCelsius = celsius }
}
let boilingPointOfWater = Celsius(fromFahrenheit: 212.0)
let freezingPointOfWater = Celsius(fromKelvin: 273.15)
print(boilingPointOfWater.temperatureInCelsius, freezingPointOfWater.temperatureInCelsius, Celsius(37.0).temperatureInCelsius)
struct Color {
    let red, green, blue: Double
    init(red: Double, green: Double, blue: Double) { self.red = red; self.green = green; self.blue = blue }
    init(white: Double) { red = white; green = white; blue = white }
}
let magenta = Color(red: 1.0, green: 0.0, blue: 1.0)
let halfGray = Color(white: 0.5)
print(magenta, halfGray)
class SurveyQuestion {
    let text: String
    var response: String?
    init(text: String) { self.text = text }
    func ask() { print(text) }
}
let cheeseQuestion = SurveyQuestion(text: "Do you like cheese?")
cheeseQuestion.ask()
cheeseQuestion.response = "Yes, I do like cheese."
print(cheeseQuestion.response as Any)
struct Size { var width = 0.0, height = 0.0 }
let twoByTwo = Size(width: 2.0, height: 2.0)
let zeroByTwo = Size(height: 2.0)
print(twoByTwo, zeroByTwo, Size())
struct Point { var x = 0.0, y = 0.0 }
struct Rect {
    var origin = Point()
    var size = Size()
    init() {}
    init(origin: Point, size: Size) { self.origin = origin; self.size = size }
    init(center: Point, size: Size) {
        let originX = center.x - (size.width / 2)
        let originY = center.y - (size.height / 2)
        self.init(origin: Point(x: originX, y: originY), size: size)
    }
}
print(Rect(center: Point(x: 4.0, y: 4.0), size: Size(width: 3.0, height: 3.0)).origin)
class Vehicle {
    var numberOfWheels = 0
    var description: String { "\(numberOfWheels) wheel(s)" }
}
class Bicycle: Vehicle { override init() { super.init(); numberOfWheels = 2 } }
print("Bicycle: \(Bicycle().description)")
class Food {
    var name: String
    init(name: String) { self.name = name }
    convenience init() { self.init(name: "[Unnamed]") }
}
class RecipeIngredient: Food {
    var quantity: Int
    init(name: String, quantity: Int) { self.quantity = quantity; super.init(name: name) }
    override convenience init(name: String) { self.init(name: name, quantity: 1) }
}
let mysteryMeat = Food()
let oneBacon = RecipeIngredient(name: "Bacon")
let sixEggs = RecipeIngredient(name: "Eggs", quantity: 6)
print(mysteryMeat.name, oneBacon.name, oneBacon.quantity, sixEggs.quantity)
struct Checkerboard {
    let boardColors: [Bool] = {
        var temporaryBoard: [Bool] = []
        var isBlack = false
        for _ in 1...8 { for _ in 1...8 { temporaryBoard.append(isBlack); isBlack = !isBlack }; isBlack = !isBlack }
        return temporaryBoard
    }()
    func squareIsBlackAt(row: Int, column: Int) -> Bool { boardColors[(row * 8) + column] }
}
let board = Checkerboard()
print(board.squareIsBlackAt(row: 0, column: 1), board.squareIsBlackAt(row: 7, column: 7))
// expect: The default temperature is 32.0° Fahrenheit
// expect: 100.0 0.0 37.0
// expect: Color(red: 1.0, green: 0.0, blue: 1.0) Color(red: 0.5, green: 0.5, blue: 0.5)
// expect: Do you like cheese?
// expect: Optional("Yes, I do like cheese.")
// expect: Size(width: 2.0, height: 2.0) Size(width: 0.0, height: 2.0) Size(width: 0.0, height: 0.0)
// expect: Point(x: 2.5, y: 2.5)
// expect: Bicycle: 2 wheel(s)
// expect: [Unnamed] Bacon 1 6
// expect: true false

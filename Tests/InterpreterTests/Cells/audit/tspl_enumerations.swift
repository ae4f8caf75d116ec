// Audit of everyday Swift: The Swift Programming Language, "Enumerations" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
enum CompassPoint { case north, south, east, west }
enum Planet { case mercury, venus, earth, mars, jupiter, saturn, uranus, neptune }
var directionToHead = CompassPoint.west
directionToHead = .east
print(directionToHead)
switch directionToHead {
case .north: print("Lots of planets have a north")
case .south: print("Watch out for penguins")
case .east: print("Where the sun rises")
case .west: print("Where the skies are blue")
}
let somePlanet = Planet.earth
switch somePlanet {
case .earth: print("Mostly harmless")
default: print("Not a safe place for humans")
}
enum Beverage: CaseIterable { case coffee, tea, juice }
let numberOfChoices = Beverage.allCases.count
print("\(numberOfChoices) beverages available")
for beverage in Beverage.allCases { print(beverage) }
enum Barcode {
    case upc(Int, Int, Int, Int)
    case qrCode(String)
}
var productBarcode = Barcode.upc(8, 85909, 51226, 3)
print(productBarcode)
productBarcode = .qrCode("ABCDEFGHIJKLMNOP")
switch productBarcode {
case .upc(let numberSystem, let manufacturer, let product, let check): print("UPC: \(numberSystem), \(manufacturer), \(product), \(check).")
case .qrCode(let productCode): print("QR code: \(productCode).")
}
switch Barcode.upc(1, 2, 3, 4) {
case let .upc(numberSystem, manufacturer, product, check): print("UPC : \(numberSystem), \(manufacturer), \(product), \(check).")
case let .qrCode(productCode): print("QR code: \(productCode).")
}
enum ASCIIControlCharacter: Character { case tab = "\t", lineFeed = "\n", carriageReturn = "\r" }
enum PlanetRaw: Int { case mercury = 1, venus, earth, mars }
enum CompassRaw: String { case north, south, east, west }
print(PlanetRaw.earth.rawValue, CompassRaw.west.rawValue, ASCIIControlCharacter.tab.rawValue == "\t")
let possiblePlanet = PlanetRaw(rawValue: 7)
print(possiblePlanet as Any, PlanetRaw(rawValue: 2) as Any)
indirect enum ArithmeticExpression {
    case number(Int)
    case addition(ArithmeticExpression, ArithmeticExpression)
    case multiplication(ArithmeticExpression, ArithmeticExpression)
}
let five = ArithmeticExpression.number(5)
let four = ArithmeticExpression.number(4)
let sum = ArithmeticExpression.addition(five, four)
let product = ArithmeticExpression.multiplication(sum, ArithmeticExpression.number(2))
func evaluate(_ expression: ArithmeticExpression) -> Int {
    switch expression {
    case let .number(value): return value
    case let .addition(left, right): return evaluate(left) + evaluate(right)
    case let .multiplication(left, right): return evaluate(left) * evaluate(right)
    }
}
print(evaluate(product))
enum Shape { case circle(radius: Double), rect(w: Double, h: Double)
    var area: Double { switch self { case .circle(let r): return 3 * r * r; case let .rect(w, h): return w * h } }
    mutating func grow() { if case .circle(let r) = self { self = .circle(radius: r * 2) } }
}
var s = Shape.circle(radius: 1)
s.grow()
print(s, s.area, Shape.rect(w: 2, h: 3).area, [Shape.rect(w: 1, h: 1)])
if case .circle(let r) = s, r > 1 { print("big circle", r) }
print(CompassPoint.north == .north, CompassPoint.north != .south)
// expect: east
// expect: Where the sun rises
// expect: Mostly harmless
// expect: 3 beverages available
// expect: coffee
// expect: tea
// expect: juice
// expect: upc(8, 85909, 51226, 3)
// expect: QR code: ABCDEFGHIJKLMNOP.
// expect: UPC : 1, 2, 3, 4.
// expect: 3 west true
// expect: nil Optional(PlanetRaw.venus)
// expect: 18
// expect: circle(radius: 2.0) 12.0 6.0 [Shape.rect(w: 1.0, h: 1.0)]
// expect: big circle 2.0
// expect: true true

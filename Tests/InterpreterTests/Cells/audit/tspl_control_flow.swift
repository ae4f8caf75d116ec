// Audit of everyday Swift: The Swift Programming Language, "Control Flow" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
let names = ["Anna", "Alex", "Brian", "Jack"]
for name in names { print("Hello, \(name)!") }
let numberOfLegs = ["spider": 8, "ant": 6, "cat": 4]
for (animalName, legCount) in numberOfLegs.sorted(by: { $0.key < $1.key }) { print("\(animalName)s have \(legCount) legs") }
let base = 3, power = 10
var answer = 1
for _ in 1...power { answer *= base }
print("\(base) to the power of \(power) is \(answer)")
for tickMark in stride(from: 0, to: 60, by: 15) { print(tickMark, terminator: " ") }
for tickMark in stride(from: 3, through: 12, by: 3) { print(tickMark, terminator: " ") }
print()
var square = 0, diceRoll = 0, steps = 0
while square < 25 { diceRoll += 1; if diceRoll == 7 { diceRoll = 1 }; square += diceRoll; steps += 1 }
print("Game over!", steps)
var n = 0
repeat { n += 3 } while n < 10
print(n)
var temperatureInFahrenheit = 90
if temperatureInFahrenheit <= 32 { print("It's very cold.") } else if temperatureInFahrenheit >= 86 { print("It's really warm.") } else { print("It's not that cold.") }
let weatherAdvice = temperatureInFahrenheit > 80 ? "It's hot." : "Nice weather."
print(weatherAdvice)
let someCharacter: Character = "z"
switch someCharacter {
case "a": print("The first letter of the Latin alphabet")
case "z": print("The last letter of the Latin alphabet")
default: print("Some other character")
}
let anotherCharacter: Character = "a"
switch anotherCharacter {
case "a", "A": print("The letter A")
default: print("Not the letter A")
}
let approximateCount = 62
var naturalCount: String
switch approximateCount {
case 0: naturalCount = "no"
case 1..<5: naturalCount = "a few"
case 5..<12: naturalCount = "several"
case 12..<100: naturalCount = "dozens of"
default: naturalCount = "many"
}
print("There are \(naturalCount) moons orbiting Saturn.")
let somePoint = (1, 1)
switch somePoint {
case (0, 0): print("origin")
case (_, 0): print("on the x-axis")
case (0, _): print("on the y-axis")
case (-2...2, -2...2): print("\(somePoint) is inside the box")
default: print("outside of the box")
}
let anotherPoint = (2, 0)
switch anotherPoint {
case (let x, 0): print("on the x-axis with an x value of \(x)")
case (0, let y): print("on the y-axis with a y value of \(y)")
case let (x, y): print("somewhere else at (\(x), \(y))")
}
let yetAnotherPoint = (1, -1)
switch yetAnotherPoint {
case let (x, y) where x == y: print("on the line x == y")
case let (x, y) where x == -y: print("(\(x), \(y)) is on the line x == -y")
case let (x, y): print("arbitrary point \(x) \(y)")
}
let puzzleInput = "great minds think alike"
var puzzleOutput = ""
for character in puzzleInput {
    switch character {
    case "a", "e", "i", "o", "u", " ": continue
    default: puzzleOutput.append(character)
    }
}
print(puzzleOutput)
let integerToDescribe = 5
var description = "The number \(integerToDescribe) is"
switch integerToDescribe {
case 2, 3, 5, 7, 11, 13, 17, 19: description += " a prime number, and also"; fallthrough
default: description += " an integer."
}
print(description)
outer: for i in 1...3 {
    for j in 1...3 {
        if j == 2 { continue outer }
        if i == 3 { break outer }
        print(i, j)
    }
}
func greet(person: [String: String]) {
    guard let name = person["name"] else { return }
    print("Hello \(name)!")
    guard let location = person["location"] else { print("I hope the weather is nice near you."); return }
    print("I hope the weather is nice in \(location).")
}
greet(person: ["name": "John"])
greet(person: ["name": "Jane", "location": "Cupertino"])
// expect: Hello, Anna!
// expect: Hello, Alex!
// expect: Hello, Brian!
// expect: Hello, Jack!
// expect: ants have 6 legs
// expect: cats have 4 legs
// expect: spiders have 8 legs
// expect: 3 to the power of 10 is 59049
// expect: 0 15 30 45 3 6 9 12 
// expect: Game over! 9
// expect: 12
// expect: It's really warm.
// expect: It's hot.
// expect: The last letter of the Latin alphabet
// expect: The letter A
// expect: There are dozens of moons orbiting Saturn.
// expect: (1, 1) is inside the box
// expect: on the x-axis with an x value of 2
// expect: (1, -1) is on the line x == -y
// expect: grtmndsthnklk
// expect: The number 5 is a prime number, and also an integer.
// expect: 1 1
// expect: 2 1
// expect: Hello John!
// expect: I hope the weather is nice near you.
// expect: Hello Jane!
// expect: I hope the weather is nice in Cupertino.

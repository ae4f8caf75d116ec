// Audit of everyday Swift: The Swift Programming Language, "Collection Types" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
var someInts: [Int] = []
print("someInts is of type [Int] with \(someInts.count) items.")
someInts.append(3)
someInts = []
var threeDoubles = Array(repeating: 0.0, count: 3)
var anotherThreeDoubles = Array(repeating: 2.5, count: 3)
var sixDoubles = threeDoubles + anotherThreeDoubles
print(sixDoubles)
var shoppingList = ["Eggs", "Milk"]
shoppingList.append("Flour")
shoppingList += ["Baking Powder"]
shoppingList += ["Chocolate Spread", "Cheese", "Butter"]
print(shoppingList.count, shoppingList.isEmpty, shoppingList[0])
shoppingList[0] = "Six eggs"
shoppingList[4...6] = ["Bananas", "Apples"]
shoppingList.insert("Maple Syrup", at: 0)
let mapleSyrup = shoppingList.remove(at: 0)
let apples = shoppingList.removeLast()
print(mapleSyrup, apples, shoppingList)
for (index, value) in shoppingList.enumerated() { print("Item \(index + 1): \(value)") }
var letters = Set<Character>()
letters.insert("a")
letters = []
print(letters.count)
var favoriteGenres: Set<String> = ["Rock", "Classical", "Hip hop"]
print(favoriteGenres.count)
if let removedGenre = favoriteGenres.remove("Rock") { print("\(removedGenre)? I'm over it.") }
print(favoriteGenres.contains("Funk"))
for genre in favoriteGenres.sorted() { print("\(genre)") }
let oddDigits: Set = [1, 3, 5, 7, 9]
let evenDigits: Set = [0, 2, 4, 6, 8]
let singleDigitPrimeNumbers: Set = [2, 3, 5, 7]
print(oddDigits.union(evenDigits).sorted())
print(oddDigits.intersection(evenDigits).sorted())
print(oddDigits.subtracting(singleDigitPrimeNumbers).sorted())
print(oddDigits.symmetricDifference(singleDigitPrimeNumbers).sorted())
let houseAnimals: Set = ["🐶", "🐱"]
let farmAnimals: Set = ["🐮", "🐔", "🐑", "🐶", "🐱"]
let cityAnimals: Set = ["🐦", "🐭"]
print(houseAnimals.isSubset(of: farmAnimals), farmAnimals.isSuperset(of: houseAnimals), farmAnimals.isDisjoint(with: cityAnimals))
var namesOfIntegers: [Int: String] = [:]
namesOfIntegers[16] = "sixteen"
namesOfIntegers = [:]
var airports: [String: String] = ["YYZ": "Toronto Pearson", "DUB": "Dublin"]
print("The airports dictionary contains \(airports.count) items.")
airports["LHR"] = "London"
airports["LHR"] = "London Heathrow"
if let oldValue = airports.updateValue("Dublin Airport", forKey: "DUB") { print("The old value for DUB was \(oldValue).") }
if let airportName = airports["DUB"] { print("The name of the airport is \(airportName).") }
airports["APL"] = "Apple International"
airports["APL"] = nil
if let removedValue = airports.removeValue(forKey: "DUB") { print("The removed airport's name is \(removedValue).") }
for (airportCode, airportName) in airports.sorted(by: { $0.key < $1.key }) { print("\(airportCode): \(airportName)") }
let airportCodes = [String](airports.keys).sorted()
let airportNames = [String](airports.values).sorted()
print(airportCodes, airportNames)
// expect: someInts is of type [Int] with 0 items.
// expect: [0.0, 0.0, 0.0, 2.5, 2.5, 2.5]
// expect: 7 false Eggs
// expect: Maple Syrup Apples ["Six eggs", "Milk", "Flour", "Baking Powder", "Bananas"]
// expect: Item 1: Six eggs
// expect: Item 2: Milk
// expect: Item 3: Flour
// expect: Item 4: Baking Powder
// expect: Item 5: Bananas
// expect: 0
// expect: 3
// expect: Rock? I'm over it.
// expect: false
// expect: Classical
// expect: Hip hop
// expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
// expect: []
// expect: [1, 9]
// expect: [1, 2, 9]
// expect: true true true
// expect: The airports dictionary contains 2 items.
// expect: The old value for DUB was Dublin.
// expect: The name of the airport is Dublin Airport.
// expect: The removed airport's name is Dublin Airport.
// expect: LHR: London Heathrow
// expect: YYZ: Toronto Pearson
// expect: ["LHR", "YYZ"] ["London Heathrow", "Toronto Pearson"]

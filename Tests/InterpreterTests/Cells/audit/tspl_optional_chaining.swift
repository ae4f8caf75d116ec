// Audit of everyday Swift: The Swift Programming Language, "Optional Chaining" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
class Person { var residence: Residence? }
class Room { let name: String; init(name: String) { self.name = name } }
class Address {
    var buildingName: String?
    var buildingNumber: String?
    var street: String?
    func buildingIdentifier() -> String? {
        if let buildingNumber = buildingNumber, let street = street { return "\(buildingNumber) \(street)" }
        else if buildingName != nil { return buildingName }
        else { return nil }
    }
}
class Residence {
    var rooms: [Room] = []
    var numberOfRooms: Int { rooms.count }
    subscript(i: Int) -> Room { get { rooms[i] } set { rooms[i] = newValue } }
    func printNumberOfRooms() { print("The number of rooms is \(numberOfRooms)") }
    var address: Address?
}
let john = Person()
if let roomCount = john.residence?.numberOfRooms { print("John's residence has \(roomCount) room(s).") } else { print("Unable to retrieve the number of rooms.") }
let someAddress = Address()
someAddress.buildingNumber = "29"
someAddress.street = "Acacia Road"
john.residence?.address = someAddress
if john.residence?.printNumberOfRooms() != nil { print("It was possible to print the number of rooms.") } else { print("It was not possible to print the number of rooms.") }
let johnsHouse = Residence()
johnsHouse.rooms.append(Room(name: "Living Room"))
johnsHouse.rooms.append(Room(name: "Kitchen"))
john.residence = johnsHouse
if let firstRoomName = john.residence?[0].name { print("The first room name is \(firstRoomName).") }
john.residence?[0] = Room(name: "Bathroom")
print(john.residence?[0].name as Any)
var testScores = ["Dave": [86, 82, 84], "Bev": [79, 94, 81]]
testScores["Dave"]?[0] = 91
testScores["Bev"]?[0] += 1
testScores["Brian"]?[0] = 72
print(testScores["Dave"]!, testScores["Bev"]!, testScores["Brian"] as Any)
john.residence?.address = someAddress
if let johnsStreet = john.residence?.address?.street { print("John's street name is \(johnsStreet).") }
if let buildingIdentifier = john.residence?.address?.buildingIdentifier() { print("John's building identifier is \(buildingIdentifier).") }
if let beginsWithThe = john.residence?.address?.buildingIdentifier()?.hasPrefix("The") { print(beginsWithThe ? "begins with The" : "does not begin with The") }
print(john.residence?.numberOfRooms as Any)
// expect: Unable to retrieve the number of rooms.
// expect: It was not possible to print the number of rooms.
// expect: The first room name is Living Room.
// expect: Optional("Bathroom")
// expect: [91, 82, 84] [80, 94, 81] nil
// expect: John's street name is Acacia Road.
// expect: John's building identifier is 29 Acacia Road.
// expect: does not begin with The
// expect: Optional(2)

// Audit of everyday Swift: The Swift Programming Language, "Automatic Reference Counting" (its
// examples and a few more). The expectations below are what `swiftc -O` printed, in order.
class Person {
    let name: String
    init(name: String) {
        self.name = name
        print("\(name) is being initialized")
    }
    var apartment: Apartment?
    deinit { print("\(name) is being deinitialized") }
}
class Apartment {
    let unit: String
    init(unit: String) { self.unit = unit }
    weak var tenant: Person?
    deinit { print("Apartment \(unit) is being deinitialized") }
}
var reference1: Person?
var reference2: Person?
var reference3: Person?
reference1 = Person(name: "John Appleseed") // expect: John Appleseed is being initialized
reference2 = reference1
reference3 = reference1
reference1 = nil
reference2 = nil
print("still there")                     // expect: still there
reference3 = nil                         // expect: John Appleseed is being deinitialized
var john: Person?
var unit4A: Apartment?
john = Person(name: "John Appleseed")    // expect: John Appleseed is being initialized
unit4A = Apartment(unit: "4A")
john!.apartment = unit4A
unit4A!.tenant = john
john = nil                               // expect: John Appleseed is being deinitialized
print("tenant:", unit4A!.tenant?.name ?? "none") // expect: tenant: none
unit4A = nil                             // expect: Apartment 4A is being deinitialized
class Customer {
    let name: String
    var card: CreditCard?
    init(name: String) { self.name = name }
    deinit { print("\(name) is being deinitialized") }
}
class CreditCard {
    let number: UInt64
    unowned let customer: Customer
    init(number: UInt64, customer: Customer) {
        self.number = number
        self.customer = customer
    }
    deinit { print("Card #\(number) is being deinitialized") }
}
var customer: Customer?
customer = Customer(name: "John Appleseed")
customer!.card = CreditCard(number: 1234_5678_9012_3456, customer: customer!)
print(customer!.card!.customer.name)     // expect: John Appleseed
customer = nil
// expect: John Appleseed is being deinitialized
// expect: Card #1234567890123456 is being deinitialized
class Country {
    let name: String
    var capitalCity: City!
    init(name: String, capitalName: String) {
        self.name = name
        self.capitalCity = City(name: capitalName, country: self)
    }
}
class City {
    let name: String
    unowned let country: Country
    init(name: String, country: Country) {
        self.name = name
        self.country = country
    }
}
let country = Country(name: "Canada", capitalName: "Ottawa")
print("\(country.name)'s capital city is called \(country.capitalCity.name)")
// expect: Canada's capital city is called Ottawa
class HTMLElement {
    let name: String
    let text: String?
    lazy var asHTML: () -> String = { [unowned self] in
        if let text = self.text {
            return "<\(self.name)>\(text)</\(self.name)>"
        } else {
            return "<\(self.name) />"
        }
    }
    init(name: String, text: String? = nil) {
        self.name = name
        self.text = text
    }
    deinit { print("\(name) is being deinitialized") }
}
let heading = HTMLElement(name: "h1")
let defaultText = "some default text"
heading.asHTML = {
    return "<\(heading.name)>\(heading.text ?? defaultText)</\(heading.name)>"
}
print(heading.asHTML())                  // expect: <h1>some default text</h1>
var paragraph: HTMLElement? = HTMLElement(name: "p", text: "hello, world")
print(paragraph!.asHTML())               // expect: <p>hello, world</p>
paragraph = nil                          // expect: p is being deinitialized
// A closure that captures self strongly keeps its instance alive: a strong reference cycle.
class Timer {
    let label: String
    var tick: (() -> Void)?
    init(label: String) { self.label = label }
    func start() { tick = { print("tick from \(self.label)") } }
    func startWeakly() { tick = { [weak self] in print("tick from \(self?.label ?? "nobody")") } }
    deinit { print("\(label) is being deinitialized") }
}
var cycle: Timer? = Timer(label: "strong")
cycle!.start()
cycle!.tick!()                           // expect: tick from strong
weak var watch = cycle
cycle = nil
print("the strong timer is", watch == nil ? "gone" : "still alive")
// expect: the strong timer is still alive
var weakly: Timer? = Timer(label: "weak")
weakly!.startWeakly()
weakly!.tick!()                          // expect: tick from weak
weakly = nil                             // expect: weak is being deinitialized
print("the weak timer is gone")          // expect: the weak timer is gone

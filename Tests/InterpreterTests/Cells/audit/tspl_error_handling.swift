// Audit of everyday Swift: The Swift Programming Language, "Error Handling" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
enum VendingMachineError: Error {
    case invalidSelection
    case insufficientFunds(coinsNeeded: Int)
    case outOfStock
}
struct Item { var price: Int; var count: Int }
class VendingMachine {
    var inventory = ["Candy Bar": Item(price: 12, count: 7), "Chips": Item(price: 10, count: 4), "Pretzels": Item(price: 7, count: 11)]
    var coinsDeposited = 0
    func vend(itemNamed name: String) throws {
        guard let item = inventory[name] else { throw VendingMachineError.invalidSelection }
        guard item.count > 0 else { throw VendingMachineError.outOfStock }
        guard item.price <= coinsDeposited else { throw VendingMachineError.insufficientFunds(coinsNeeded: item.price - coinsDeposited) }
        coinsDeposited -= item.price
        var newItem = item
        newItem.count -= 1
        inventory[name] = newItem
        print("Dispensing \(name)")
    }
}
let favoriteSnacks = ["Alice": "Chips", "Bob": "Licorice", "Eve": "Pretzels"]
func buyFavoriteSnack(person: String, vendingMachine: VendingMachine) throws {
    let snackName = favoriteSnacks[person] ?? "Candy Bar"
    try vendingMachine.vend(itemNamed: snackName)
}
let vendingMachine = VendingMachine()
vendingMachine.coinsDeposited = 8
do {
    try buyFavoriteSnack(person: "Alice", vendingMachine: vendingMachine)
    print("Success! Yum.")
} catch VendingMachineError.invalidSelection {
    print("Invalid Selection.")
} catch VendingMachineError.outOfStock {
    print("Out of Stock.")
} catch VendingMachineError.insufficientFunds(let coinsNeeded) {
    print("Insufficient funds. Please insert an additional \(coinsNeeded) coins.")
} catch {
    print("Unexpected error: \(error).")
}
func nourish(with item: String) throws {
    do { try vendingMachine.vend(itemNamed: item) }
    catch is VendingMachineError { print("Couldn't buy that from the vending machine.") }
}
do { try nourish(with: "Beet-Flavored Chips") } catch { print("Unexpected non-vending-machine-related error: \(error)") }
func someThrowingFunction() throws -> Int { throw VendingMachineError.outOfStock }
let x = try? someThrowingFunction()
print(x as Any)
func fetch(_ ok: Bool) throws -> Int { if ok { return 1 }; throw VendingMachineError.invalidSelection }
let y = try! fetch(true)
print(y, (try? fetch(false)) ?? -1)
func process() throws {
    defer { print("cleanup 1") }
    defer { print("cleanup 2") }
    print("working")
    throw VendingMachineError.outOfStock
}
do { try process() } catch { print("caught", error) }
enum StatisticsError: Error { case noRatings, invalidRating(Int) }
func summarize(_ ratings: [Int]) throws(StatisticsError) {
    guard !ratings.isEmpty else { throw .noRatings }
    print(ratings.count)
}
do { try summarize([]) } catch { print(error) }
let r = Result { try fetch(false) }
switch r { case .success(let v): print(v); case .failure(let e): print("failed:", e) }
// expect: Insufficient funds. Please insert an additional 2 coins.
// expect: Couldn't buy that from the vending machine.
// expect: nil
// expect: 1 -1
// expect: working
// expect: cleanup 2
// expect: cleanup 1
// expect: caught outOfStock
// expect: noRatings
// expect: failed: invalidSelection

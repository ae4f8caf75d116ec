// Audit of everyday Swift: The Swift Programming Language, "Deinitialization" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
class Bank {
    static var coinsInBank = 10_000
    static func distribute(coins numberOfCoinsRequested: Int) -> Int {
        let numberOfCoinsToVend = min(numberOfCoinsRequested, coinsInBank)
        coinsInBank -= numberOfCoinsToVend
        return numberOfCoinsToVend
    }
    static func receive(coins: Int) {
        coinsInBank += coins
    }
}
class Player {
    var coinsInPurse: Int
    init(coins: Int) {
        coinsInPurse = Bank.distribute(coins: coins)
    }
    func win(coins: Int) {
        coinsInPurse += Bank.distribute(coins: coins)
    }
    deinit {
        Bank.receive(coins: coinsInPurse)
    }
}
var playerOne: Player? = Player(coins: 100)
print("A new player has joined the game with \(playerOne!.coinsInPurse) coins")
// expect: A new player has joined the game with 100 coins
print("There are now \(Bank.coinsInBank) coins left in the bank")
// expect: There are now 9900 coins left in the bank
playerOne!.win(coins: 2_000)
print("PlayerOne won 2000 coins & now has \(playerOne!.coinsInPurse) coins")
// expect: PlayerOne won 2000 coins & now has 2100 coins
print("The bank now only has \(Bank.coinsInBank) coins left")
// expect: The bank now only has 7900 coins left
playerOne = nil
print("PlayerOne has left the game")     // expect: PlayerOne has left the game
print("The bank now has \(Bank.coinsInBank) coins") // expect: The bank now has 10000 coins
// A subclass's deinit runs first, then its superclass's; properties are released after both.
class Logger {
    let name: String
    init(_ name: String) { self.name = name }
    deinit { print("\(name) released") }
}
class Shape {
    let log = Logger("shape's logger")
    deinit { print("Shape deinit") }
}
class Square: Shape {
    deinit { print("Square deinit, log is \(log.name)") }
}
var square: Square? = Square()
square = nil
// expect: Square deinit, log is shape's logger
// expect: Shape deinit
// expect: shape's logger released
print("square is gone")                  // expect: square is gone
// Instances in a collection are released when the collection lets go of them, in order.
var players = [Player(coins: 10), Player(coins: 20), Player(coins: 30)]
print("Bank before:", Bank.coinsInBank)  // expect: Bank before: 9940
players.removeLast()
print("Bank after removeLast:", Bank.coinsInBank) // expect: Bank after removeLast: 9970
players = []
print("Bank after emptying:", Bank.coinsInBank) // expect: Bank after emptying: 10000
// A local instance is released when its function returns.
func playOneRound() {
    let guest = Player(coins: 500)
    guest.win(coins: 100)
    print("The guest has \(guest.coinsInPurse) coins; the bank has \(Bank.coinsInBank)")
}
playOneRound()                           // expect: The guest has 600 coins; the bank has 9400
print("After the round the bank has \(Bank.coinsInBank)") // expect: After the round the bank has 10000

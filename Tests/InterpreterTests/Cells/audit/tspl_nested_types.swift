// Audit of everyday Swift: The Swift Programming Language, "Nested Types" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
struct BlackjackCard {
    enum Suit: Character {
        case spades = "♠", hearts = "♡", diamonds = "♢", clubs = "♣"
    }
    enum Rank: Int {
        case two = 2, three, four, five, six, seven, eight, nine, ten
        case jack, queen, king, ace
        struct Values {
            let first: Int, second: Int?
        }
        var values: Values {
            switch self {
            case .ace: return Values(first: 1, second: 11)
            case .jack, .queen, .king: return Values(first: 10, second: nil)
            default: return Values(first: self.rawValue, second: nil)
            }
        }
    }
    let rank: Rank, suit: Suit
    var description: String {
        var output = "suit is \(suit.rawValue),"
        output += " value is \(rank.values.first)"
        if let second = rank.values.second {
            output += " or \(second)"
        }
        return output
    }
}
let theAceOfSpades = BlackjackCard(rank: .ace, suit: .spades)
print("theAceOfSpades: \(theAceOfSpades.description)")
// expect: theAceOfSpades: suit is ♠, value is 1 or 11
let heartsSymbol = BlackjackCard.Suit.hearts.rawValue
print(heartsSymbol)  // expect: ♡
let queen = BlackjackCard(rank: .queen, suit: .diamonds)
print(queen.description)  // expect: suit is ♢, value is 10
print(BlackjackCard.Rank.five.values.first, BlackjackCard.Rank(rawValue: 14) == .ace)  // expect: 5 true
let suits: [BlackjackCard.Suit] = [.clubs, .hearts]
print(suits.map { $0.rawValue })  // expect: ["♣", "♡"]
print(queen.rank, BlackjackCard.Suit.clubs)  // expect: queen clubs
class Library {
    struct Book {
        let title: String
        var pages: Int
    }
    enum Shelf { case fiction, science }
    var books: [Shelf: [Book]] = [:]
    func add(_ book: Book, to shelf: Shelf) { books[shelf, default: []].append(book) }
    func pages(on shelf: Shelf) -> Int { books[shelf, default: []].reduce(0) { $0 + $1.pages } }
}
let library = Library()
library.add(Library.Book(title: "Dune", pages: 412), to: .fiction)
library.add(.init(title: "Cosmos", pages: 365), to: .science)
library.add(Library.Book(title: "Emma", pages: 474), to: .fiction)
print(library.pages(on: .fiction), library.pages(on: .science))  // expect: 886 365
let book = Library.Book(title: "Walden", pages: 352)
print(book)  // expect: Book(title: "Walden", pages: 352)

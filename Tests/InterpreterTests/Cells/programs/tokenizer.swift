// A tokenizer in plain Swift: characters to tokens, with an enum, a struct and a switch.
enum Token: Equatable {
    case number(Double)
    case identifier(String)
    case symbol(Character)
}
struct Tokenizer {
    let source: [Character]
    var position = 0
    init(_ text: String) { source = Array(text) }
    mutating func next() -> Token? {
        while position < source.count, source[position] == " " { position += 1 }
        guard position < source.count else { return nil }
        let c = source[position]
        if c.isNumber {
            var text = ""
            while position < source.count, source[position].isNumber || source[position] == "." {
                text.append(source[position])
                position += 1
            }
            return .number(Double(text)!)
        }
        if c.isLetter {
            var text = ""
            while position < source.count, source[position].isLetter || source[position].isNumber {
                text.append(source[position])
                position += 1
            }
            return .identifier(text)
        }
        position += 1
        return .symbol(c)
    }
    mutating func all() -> [Token] {
        var tokens: [Token] = []
        while let t = next() { tokens.append(t) }
        return tokens
    }
}
var tokenizer = Tokenizer("rate = 0.5 * x2 + (y - 3)")
let tokens = tokenizer.all()
print(tokens.count)   // expect: 11
for t in tokens {
    switch t {
    case .number(let v): print("number \(v)")
    case .identifier(let name) where name.count > 1: print("long name \(name)")
    case .identifier(let name): print("name \(name)")
    case .symbol(let s): print("symbol \(s)")
    }
}
// expect: long name rate
// expect: symbol =
// expect: number 0.5
// expect: symbol *
// expect: long name x2
// expect: symbol +
// expect: symbol (
// expect: name y
// expect: symbol -
// expect: number 3.0
// expect: symbol )
print(tokens[2] == .number(0.5), tokens.contains(.symbol("/")))  // expect: true false
print(tokens.first!)  // expect: identifier("rate")

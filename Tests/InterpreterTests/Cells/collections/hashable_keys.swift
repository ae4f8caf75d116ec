// Structs and enums as Set members and Dictionary keys (synthesized Equatable and Hashable).
struct Cell: Hashable { let row: Int; let col: Int }
var visited: Set<Cell> = [Cell(row: 0, col: 0)]
visited.insert(Cell(row: 0, col: 1))
visited.insert(Cell(row: 0, col: 0))
print(visited.count, visited.contains(Cell(row: 0, col: 1)))  // expect: 2 true
print(Cell(row: 1, col: 2) == Cell(row: 1, col: 2))           // expect: true
var cost: [Cell: Double] = [:]
cost[Cell(row: 2, col: 3)] = 1.5
cost[Cell(row: 2, col: 3), default: 0] += 1
print(cost[Cell(row: 2, col: 3)]!)                            // expect: 2.5
enum Split: Hashable { case train, test, validation(fold: Int) }
var sizes: [Split: Int] = [.train: 800, .test: 200]
sizes[.validation(fold: 1)] = 50
print(sizes[.validation(fold: 1)]!, sizes[.validation(fold: 2)] as Any)  // expect: 50 nil
let pairs: Set<[Int]> = [[1, 2], [2, 1], [1, 2]]
print(pairs.count)                                            // expect: 2
let bigrams = Dictionary(grouping: ["ab", "ac", "bd"], by: { $0.first! })
print(bigrams["a"]!, bigrams.keys.sorted())                   // expect: ["ab", "ac"] ["a", "b"]
print(String(describing: Optional("x")))                      // expect: Optional("x")

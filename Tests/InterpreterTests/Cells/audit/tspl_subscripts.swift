// Audit of everyday Swift: The Swift Programming Language, "Subscripts" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
struct TimesTable {
    let multiplier: Int
    subscript(index: Int) -> Int { multiplier * index }
}
let threeTimesTable = TimesTable(multiplier: 3)
print("six times three is \(threeTimesTable[6])")  // expect: six times three is 18
var numberOfLegs = ["spider": 8, "ant": 6, "cat": 4]
numberOfLegs["bird"] = 2
print(numberOfLegs["bird"]!, numberOfLegs.count)  // expect: 2 4
struct Matrix {
    let rows: Int, columns: Int
    var grid: [Double]
    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        grid = Array(repeating: 0.0, count: rows * columns)
    }
    func indexIsValid(row: Int, column: Int) -> Bool {
        row >= 0 && row < rows && column >= 0 && column < columns
    }
    subscript(row: Int, column: Int) -> Double {
        get {
            assert(indexIsValid(row: row, column: column), "Index out of range")
            return grid[(row * columns) + column]
        }
        set {
            assert(indexIsValid(row: row, column: column), "Index out of range")
            grid[(row * columns) + column] = newValue
        }
    }
}
var matrix = Matrix(rows: 2, columns: 2)
matrix[0, 1] = 1.5
matrix[1, 0] = 3.2
print(matrix.grid)  // expect: [0.0, 1.5, 3.2, 0.0]
print(matrix[1, 0] + matrix[0, 1])  // expect: 4.7
matrix[1, 1] += 10
print(matrix[1, 1])  // expect: 10.0
enum Planet: Int {
    case mercury = 1, venus, earth, mars, jupiter, saturn, uranus, neptune
    static subscript(n: Int) -> Planet { Planet(rawValue: n)! }
}
let mars = Planet[4]
print(mars)  // expect: mars
print(Planet[3].rawValue)  // expect: 3
struct Temperatures {
    static var readings: [String: Double] = [:]
    static subscript(city: String) -> Double? {
        get { readings[city] }
        set { readings[city] = newValue }
    }
}
Temperatures["Oslo"] = -3.5
print(Temperatures["Oslo"] as Any, Temperatures["Rome"] as Any)  // expect: Optional(-3.5) nil
struct Board {
    var cells = Array(repeating: ".", count: 9)
    subscript(row: Int, col: Int) -> String {
        get { cells[row * 3 + col] }
        set { cells[row * 3 + col] = newValue }
    }
    subscript(row row: Int) -> [String] { Array(cells[(row * 3)..<(row * 3 + 3)]) }
}
var board = Board()
board[1, 1] = "X"
board[0, 2] = "O"
print(board[row: 0], board[row: 1])  // expect: [".", ".", "O"] [".", "X", "."]

// Custom init, computed properties (get/set), property observers, static members.
struct Temperature {
    var celsius: Double
    init(fahrenheit: Double) { celsius = (fahrenheit - 32) * 5 / 9 }
    init(celsius: Double) { self.celsius = celsius }
    var fahrenheit: Double {
        get { celsius * 9 / 5 + 32 }
        set { celsius = (newValue - 32) * 5 / 9 }
    }
    var isFreezing: Bool { celsius <= 0 }
    static let boiling = Temperature(celsius: 100)
    static func average(_ ts: [Temperature]) -> Double {
        ts.map { $0.celsius }.reduce(0, +) / Double(ts.count)
    }
}
var t = Temperature(fahrenheit: 212)
print(t.celsius)                 // expect: 100.0
t.fahrenheit = 32
print(t.celsius, t.isFreezing)   // expect: 0.0 true
print(Temperature.boiling.fahrenheit)  // expect: 212.0
print(Temperature.average([t, .boiling]))  // expect: 50.0
struct Config {
    static var created = 0
    let name: String
    init(name: String) {
        self.name = name
        Config.created += 1
    }
}
_ = Config(name: "a")
_ = Config(name: "b")
print(Config.created)            // expect: 2
struct Matrix {
    var rows: Int, cols: Int
    var data: [Double]
    init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        data = Array(repeating: 0, count: rows * cols)
    }
    subscript(r: Int, c: Int) -> Double {
        get { data[r * cols + c] }
        set { data[r * cols + c] = newValue }
    }
}
var m = Matrix(rows: 2, cols: 2)
m[1, 0] = 7
print(m[1, 0], m.data)           // expect: 7.0 [0.0, 0.0, 7.0, 0.0]

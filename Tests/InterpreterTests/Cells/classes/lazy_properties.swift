// lazy var: computed at first use, not when the instance is made; it may use self.
class DataImporter {
    var filename = "data.txt"
    init() { print("importing \(filename)") }
}
class DataManager {
    lazy var importer = DataImporter()
    var data: [String] = []
}
let manager = DataManager()
manager.data.append("Some data")
manager.data.append("Some more data")
print("made the manager, \(manager.data.count) items")
print(manager.importer.filename)
print(manager.importer.filename)
// expect: made the manager, 2 items
// expect: importing data.txt
// expect: data.txt
// expect: data.txt
// cell
class Circle {
    var radius: Double
    lazy var area: Double = {
        print("computing the area")
        return Double.pi * radius * radius
    }()
    lazy var label = "circle of radius \(self.radius)"
    lazy var doubled: Double = self.radius * 2
    init(radius: Double) { self.radius = radius }
}
let c = Circle(radius: 2)
c.radius = 3
print(c.label)
print(c.area)
print(c.area)
c.radius = 10
print(c.area, c.doubled)
c.area = 1
print(c.area)
c.doubled += 1
print(c.doubled)
print(c)
// expect: circle of radius 3.0
// expect: computing the area
// expect: 28.274333882308138
// expect: 28.274333882308138
// expect: 28.274333882308138 20.0
// expect: 1.0
// expect: 21.0
// expect: Circle
// cell
struct Grid {
    var n = 2
    lazy var cells: [Int] = {
        print("making \(n * n) cells")
        return Array(0..<(n * n))
    }()
    mutating func total() -> Int { cells.reduce(0, +) }
}
var g = Grid(n: 3)
print(g)
print(g.cells.count)
print(g.total())
print(g)
var copy = g
copy.cells.append(9)
print(copy.cells.count, g.cells.count)
var h = Grid(cells: [1, 2])
print(h.total())
// expect: Grid(n: 3, $__lazy_storage_$_cells: nil)
// expect: making 9 cells
// expect: 9
// expect: 36
// expect: Grid(n: 3, $__lazy_storage_$_cells: Optional([0, 1, 2, 3, 4, 5, 6, 7, 8]))
// expect: 10 9
// expect: 3
// cell
var fresh = Grid()
fresh.cells.append(4)
print(fresh.cells)
// expect: making 4 cells
// expect: [0, 1, 2, 3, 4]

// try! on a throwing call that throws is an error of the cell.
enum LoadError: Error { case empty }
func load(_ n: Int) throws -> Int { if n == 0 { throw LoadError.empty }; return n }
print(try! load(3))         // expect: 3
let v = try! load(0)        // expect error: try_force.swift:5:9: 'try!' expression unexpectedly raised an error: LoadError.empty

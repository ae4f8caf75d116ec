// Access modifiers, typealias, final and static are accepted and keep Swift's meaning.
public struct Shape {
    public private(set) var dims: [Int]
    private var cache = 0
    public init(_ dims: [Int]) { self.dims = dims }
    public var rank: Int { dims.count }
    fileprivate func product() -> Int { dims.reduce(1, *) }
    public static let scalar = Shape([])
    static func square(_ n: Int) -> Shape { Shape([n, n]) }
}
typealias Dims = [Int]
let d: Dims = [2, 3]
let s = Shape(d)
print(s.rank, s.product())          // expect: 2 6
print(Shape.scalar.rank, Shape.square(4).dims)  // expect: 0 [4, 4]
final class Registry {
    private static var names: [String] = []
    static func register(_ n: String) -> Int { names.append(n); return names.count }
}
print(Registry.register("a"), Registry.register("b"))  // expect: 1 2
internal let answer = 42
print(answer)                       // expect: 42

// A tensor's description equals NumPy's str() of the same array, for every committed fixture.
import Foundation
import Testing
@testable import Tensors

@Suite struct NumpyPrintingTests {
    struct Case: CustomStringConvertible {
        let file: String
        let expected: String
        var description: String { file }
    }

    static let cases: [Case] = {
        guard let root = try? Fixtures.json("print/print.json") as? [String: Any],
              let list = root["cases"] as? [[String: String]] else { return [] }
        return list.map { Case(file: $0["file"]!, expected: $0["str"]!) }
    }()

    @Test func fixturesArePresent() {
        #expect(Self.cases.count > 250)
    }

    @Test(arguments: cases)
    func printsAsNumpy(_ c: Case) throws {
        let t = try Tensor(numpyFile: Fixtures.url("print/" + c.file).path)
        #expect(t.description == c.expected)
    }

    @Test func shapesPrintLikePythonTuples() {
        #expect(TensorShape([1, 3, 256]).description == "(1, 3, 256)")
        #expect(TensorShape([5]).description == "(5,)")
        #expect(TensorShape([Int]()).description == "()")
        #expect(TensorShape([nil, 500, 128]).description == "(None, 500, 128)")
    }
}

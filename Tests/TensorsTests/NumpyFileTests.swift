// Reading .npy and .npz files written by NumPy (Fixtures/files, from scripts/fixtures/numpy_files.py).
import Foundation
import Testing
@testable import Tensors

@Suite struct NumpyFileTests {
    static let expected = (try? Fixtures.json("files/expected.json")) as? [String: Any] ?? [:]

    func path(_ name: String) -> String { Fixtures.url("files/" + name).path }

    @Test(arguments: ["f4.npy", "f8.npy", "i4.npy", "i8.npy", "big-endian.npy", "scalar.npy", "empty.npy", "version2.npy"])
    func readsArraysNumpyWrote(_ name: String) throws {
        let want = try #require(Self.expected[name] as? [String: Any])
        let t = try Tensor(numpyFile: path(name))
        #expect(t.shape.dimensions == (want["shape"] as! [Int]).map { Optional($0) })
        #expect(t.dtype.rawValue == want["dtype"] as! String)
        let data = (want["data"] as! [NSNumber])
        if t.dtype == .int32 {
            #expect(t.int32Scalars == data.map { Int32($0.int64Value) })
        } else {
            #expect(t.scalars == data.map { Float($0.doubleValue) })
        }
    }

    @Test(arguments: [
        ("fortran.npy", "Fortran"), ("object.npy", "pickled"), ("truncated.npy", "truncated"),
        ("int64-overflow.npy", "does not fit in int32"), ("bool.npy", "unsupported dtype"),
    ])
    func refusesWithAClearError(_ name: String, _ phrase: String) throws {
        do {
            _ = try Tensor(numpyFile: path(name))
            Issue.record("\(name) was read")
        } catch let error as TensorError {
            #expect(error.message.contains(phrase), "\(error.message)")
            #expect(error.message.contains(name))
        }
    }

    @Test(arguments: ["stored.npz", "compressed.npz"])
    func readsArchives(_ name: String) throws {
        let archive = try loadNumpyArchive(path(name))
        let want = Self.expected["archives"] as! [String: [String: Any]]
        let keys = name == "stored.npz" ? ["kernel", "bias", "ids"] : Array(want.keys)
        #expect(Set(archive.keys) == Set(keys))
        for key in keys {
            let t = try #require(archive[key])
            let w = want[key]!
            #expect(t.shape.dimensions == (w["shape"] as! [Int]).map { Optional($0) })
            #expect(t.dtype.rawValue == w["dtype"] as! String)
            let sum = t.scalars.reduce(0.0) { $0 + Double($1) }
            #expect(abs(sum - (w["sum"] as! NSNumber).doubleValue) < 1e-3 * max(1, abs(sum)))
            #expect(Array(t.scalars.prefix(5)) == (w["first"] as! [NSNumber]).map { Float($0.doubleValue) })
        }
    }

    @Test func refusesTruncatedArchive() {
        #expect(throws: TensorError.self) { try loadNumpyArchive(path("truncated.npz")) }
        #expect(throws: TensorError.self) { try loadNumpyArchive(path("no-such.npz")) }
        #expect(throws: TensorError.self) { try Tensor(numpyFile: path("no-such.npy")) }
    }

    /// Cut and corrupted copies of real files give errors or arrays, never a crash.
    @Test func damagedFilesNeverCrash() throws {
        for name in ["compressed.npz", "stored.npz", "f4.npy", "version2.npy"] {
            let bytes = [UInt8](try Data(contentsOf: Fixtures.url("files/" + name)))
            var variants: [[UInt8]] = stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)).map { Array(bytes[..<$0]) }
            var seed: UInt64 = 12345
            for _ in 0..<200 {
                var copy = bytes
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let at = Int(seed >> 33) % copy.count
                copy[at] ^= UInt8(truncatingIfNeeded: seed >> 13) | 1
                variants.append(copy)
            }
            for v in variants {
                if name.hasSuffix(".npz") {
                    _ = try? NumpyArchive.decode(v, name: name)
                } else {
                    _ = try? Tensor(numpyData: Data(v), name: name)
                }
            }
        }
    }
}

// The seeded generator: Philox4x32-10 known answers (Random123's kat_vectors), distributions,
// and the Keras initializers (orthogonal checked against NumPy's QR).
import Foundation
import Testing
@testable import Tensors

@Suite struct RandomTests {
    @Test func philoxKnownAnswers() {
        // Random123 kat_vectors: philox4x32 10 <counter> <key> <expected>.
        func check(_ c: (UInt32, UInt32, UInt32, UInt32), _ k: (UInt32, UInt32), _ e: [UInt32]) {
            let r = Philox.block(counter: c, key: k)
            #expect([r.0, r.1, r.2, r.3] == e)
        }
        check((0, 0, 0, 0), (0, 0), [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8])
        check((.max, .max, .max, .max), (.max, .max), [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd])
        check((0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344), (0xa409_3822, 0x299f_31d0),
              [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1])
    }

    @Test func eightWideBlocksAreTheScalarBlocks() {
        let key: (UInt32, UInt32) = (0xa409_3822, 0x299f_31d0)
        for first: UInt64 in [0, 12345, 0xFFFF_FFFC] {  // the last crosses into the counter's high word
            let (c0, c1, c2, c3) = Philox.blocks8(from: first, key: key)
            for lane in 0..<8 {
                let n = first + UInt64(lane)
                let b = Philox.block(counter: (UInt32(truncatingIfNeeded: n), UInt32(n >> 32), 0, 0), key: key)
                #expect([c0[lane], c1[lane], c2[lane], c3[lane]] == [b.0, b.1, b.2, b.3], "block \(n)")
            }
        }
    }

    @Test func streamIsTheDocumentedPhiloxSequence() {
        var g = RandomGenerator(seed: 0x299f_31d0_a409_3822)
        let first = (0..<8).map { _ in g.nextWord() }
        let b0 = Philox.block(counter: (0, 0, 0, 0), key: (0xa409_3822, 0x299f_31d0))
        let b1 = Philox.block(counter: (1, 0, 0, 0), key: (0xa409_3822, 0x299f_31d0))
        #expect(first == [b0.0, b0.1, b0.2, b0.3, b1.0, b1.1, b1.2, b1.3])
    }

    @Test func sameSeedSameNumbers() throws {
        var a = RandomGenerator(seed: 42), b = RandomGenerator(seed: 42), c = RandomGenerator(seed: 43)
        let x = try Tensor(randomUniform: [100], generator: &a)
        #expect(x.scalars == (try Tensor(randomUniform: [100], generator: &b)).scalars)
        #expect(x.scalars != (try Tensor(randomUniform: [100], generator: &c)).scalars)
    }

    @Test func normalsAreTheDocumentedBoxMuller() throws {
        // The documented formula with libm's log, cos and sin, in Double, then rounded to Float.
        func reference(_ w1: UInt32, _ w2: UInt32) -> (Float, Float) {
            let u1 = (Double(w1 >> 8) + 1) * 0x1p-24, u2 = Double(w2 >> 8) * 0x1p-24
            let r = (-2 * log(u1)).squareRoot(), theta = 2 * Double.pi * u2
            return (Float(r * cos(theta)), Float(r * sin(theta)))
        }
        // A spread of 2^20 angles (all four quarters, both ends of each) and of 2^20 radii (u1
        // from 2^-24 to 1), eight at a time as the fills draw them.
        var worst = 0.0, worstLog = 0.0, floatMismatches = 0
        for k0 in stride(from: UInt32(0), to: 1 << 20, by: 8) {
            let k = SIMD8<UInt32>(0, 1, 2, 3, 4, 5, 6, 7) &+ k0
            let j = k &<< 4 | (k &* 2_654_435_761) &>> 28  // covers [0, 2^24) with varied low bits
            let w1 = (k &<< 4 | (k &* 0x9E37_79B9) &>> 28) &<< 8
            let (c, s) = RandomGenerator.turnCosSin(j)
            let u1 = (SIMD8<Double>(w1 &>> 8) + 1) * 0x1p-24
            let logs = RandomGenerator.logUnit(u1)
            let (z0, z1) = RandomGenerator.normalPairs(w1, j &<< 8)
            for lane in 0..<8 {
                let theta = 2 * Double.pi * (Double(j[lane]) * 0x1p-24)
                worst = max(worst, abs(c[lane] - cos(theta)), abs(s[lane] - sin(theta)))
                worstLog = max(worstLog, abs(logs[lane] - log(u1[lane])) / abs(log(u1[lane])).nextUp)
                let (r0, r1) = reference(w1[lane], j[lane] << 8)
                if Float(z0[lane]) != r0 || Float(z1[lane]) != r1 { floatMismatches += 1 }
                let (p0, p1) = RandomGenerator.normalPair(w1[lane], j[lane] << 8)
                #expect(p0 == z0[lane] && p1 == z1[lane], "one pair or eight: the same bits")
            }
        }
        #expect(worstLog < 4e-16, "ln within double rounding of libm: relative \(worstLog)")
        #expect(worst < 1e-15, "cos/sin within double rounding of libm: \(worst)")
        // Only a double-rounding tie can flip a float: about one pair in 10^7.
        #expect(floatMismatches <= 2, "\(floatMismatches) of 2^20 normal pairs differ from libm's as floats")
    }

    @Test func weightValuesAreTheTensorInitializers() throws {
        var a = RandomGenerator(seed: 9), b = RandomGenerator(seed: 9)
        #expect(WeightValues.uniform(count: 1000, lowerBound: -0.05, upperBound: 0.05, generator: &a)
            == (try Tensor(randomUniform: [1000], lowerBound: -0.05, upperBound: 0.05, generator: &b)).scalars)
        #expect(WeightValues.glorotUniform([40, 30], generator: &a) == (try Tensor(glorotUniform: [40, 30], generator: &b)).scalars)
        // Orthogonal: the QR of the row-major normal tensor, bit for bit, tall, wide, rank 3,
        // odd sizes.
        for shape in [[64, 96], [96, 64], [2, 8, 24], [33, 7], [7, 33]] {
            let rows = shape.dropLast().reduce(1, *), cols = shape.last!
            let normal = try Tensor(randomNormal: [max(rows, cols), min(rows, cols)], generator: &b).scalars
            let q = orthonormalColumns(normal, rows: max(rows, cols), cols: min(rows, cols), columnMajor: rows < cols)
            #expect(try WeightValues.orthogonal(shape, generator: &a) == q, "shape \(shape)")
        }
        var c = a
        #expect(try Tensor(orthogonal: [10, 20], generator: &a).scalars == (try WeightValues.orthogonal([10, 20], generator: &c)))
        _ = try Tensor(orthogonal: [10, 20], generator: &b)
        #expect(a.nextWord() == b.nextWord())
    }

    @Test func orthogonalOverTheMemoryLimitIsAnError() throws {
        let arena = TensorArena(limit: 1 << 20)
        var g = RandomGenerator(seed: 1)
        arena.makeCurrent {
            #expect(throws: TensorError.self) { try Tensor(orthogonal: [1024, 1024], generator: &g) }
            #expect(throws: TensorError.self) { try Tensor(orthogonal: [256, 700], generator: &g) }  // fits once, not twice
        }
        #expect(arena.liveBytes == 0)
    }

    @Test func orthogonalOfRankOneIsAnErrorNamingTheShape() {
        var g = RandomGenerator(seed: 1)
        for attempt in [{ _ = try Tensor(orthogonal: [5], generator: &g) }, { _ = try WeightValues.orthogonal([5], generator: &g) }] {
            #expect { try attempt() } throws: { ($0 as? TensorError)?.description.contains("rank 2 or more, got (5,)") == true }
        }
    }

    @Test func distributions() throws {
        var g = RandomGenerator(seed: 1)
        let u = try Tensor(randomUniform: [100_000], lowerBound: -1, upperBound: 1, generator: &g).scalars
        #expect(u.allSatisfy { $0 >= -1 && $0 < 1 })
        #expect(abs(u.reduce(0, +) / Float(u.count)) < 0.01)
        let n = try Tensor(randomNormal: [100_000], mean: 2, standardDeviation: 3, generator: &g).scalars
        let mean = n.reduce(0, +) / Float(n.count)
        let sd = (n.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(n.count)).squareRoot()
        #expect(abs(mean - 2) < 0.05 && abs(sd - 3) < 0.05)
        let t = try Tensor(randomTruncatedNormal: [10_000], standardDeviation: 0.5, generator: &g).scalars
        #expect(t.allSatisfy { abs($0) <= 1 })
        let ids = try Tensor(randomUniform: [64, 30], lowerBound: 0, upperBound: 7578, dtype: .int32, generator: &g)
        #expect(ids.dtype == .int32)
        #expect(ids.int32Scalars.allSatisfy { $0 >= 0 && $0 < 7578 })
        #expect(Set(ids.int32Scalars).count > 1500)
    }

    @Test func glorotUniformLimit() throws {
        var g = RandomGenerator(seed: 3)
        let w = try Tensor(glorotUniform: [100, 50], generator: &g).scalars
        let limit = Float((6.0 / 150).squareRoot())
        #expect(w.allSatisfy { abs($0) <= limit })
        #expect(w.map { abs($0) }.max()! > limit * 0.95)
    }

    @Test func orthogonalMatchesNumpyQR() throws {
        let cases = try #require(try Fixtures.json("files/qr.json") as? [[String: Any]])
        for c in cases {
            let shape = c["shape"] as! [Int]
            let a = (c["a"] as! [NSNumber]).map(\.floatValue)
            let q = orthonormalColumns(a, rows: shape[0], cols: shape[1])
            let want = (c["q"] as! [NSNumber]).map(\.doubleValue)
            // float32 QR (as Keras/TensorFlow): within 1e-4 of NumPy's float64 Q (was 1e-9 in double).
            #expect(zip(q, want).allSatisfy { abs(Double($0) - $1) < 1e-4 }, "shape \(shape)")
        }
    }

    @Test func orthogonalInitializerIsOrthogonal() throws {
        var g = RandomGenerator(seed: 5)
        // Small, tall, wide, and square (a SimpleRNN's recurrent kernel: the ill-conditioned case
        // where Gram–Schmidt needs its second pass) beyond the 32-column leaves of the recursion.
        for shape in [[8, 32], [32, 8], [300, 300], [128, 384]] {
            let w = try Tensor(orthogonal: shape, generator: &g)
            #expect(w.shape == TensorShape(shape))
            let gram = shape[0] < shape[1] ? try matmul(w, w.transposed()) : try matmul(w.transposed(), w)
            let n = min(shape[0], shape[1])
            let s = gram.scalars
            // float32 products: 1.0033e-5 on a Zen 5 machine with OpenBLAS's Haswell kernel, under 1e-5 elsewhere.
            let worst = (0..<n).flatMap { i in (0..<n).map { j in abs(s[i * n + j] - (i == j ? 1 : 0)) } }.max()!
            #expect(worst < 2e-5, "shape \(shape): |WᵀW − I| up to \(worst)")
        }
    }
}

// Embedding's table is drawn row by row while only a few ids are looked up: the numbers, the
// weights and the generator's position afterwards must be those of drawing it whole up front.
import Testing
import Tensors
@testable import Layers

@Suite struct EmbeddingTests {
    /// The table and the next draw of a generator that drew the table whole, at once.
    static func eager(seed: UInt64, rows: Int, columns: Int) -> (table: [Float], next: UInt32) {
        var generator = RandomGenerator(seed: seed)
        let table = WeightValues.uniform(count: rows * columns, lowerBound: -0.05, upperBound: 0.05, generator: &generator)
        return (table, generator.nextWord())
    }

    @Test func lookupsBeforeTheTableIsDrawnGiveItsRows() throws {
        let session = LayerSession(random: RandomGenerator(seed: 7))
        let embedding = try Embedding(vocabularySize: 1000, embeddingSize: 5, session: session)
        let ids: [Int32] = [0, 999, 3, 3, 517]
        let looked = try embedding(Tensor(shape: [1, 5], int32Scalars: ids))
        #expect(embedding.deferred[0] != nil, "a few ids must not draw the whole table")
        let (table, next) = Self.eager(seed: 7, rows: 1000, columns: 5)
        #expect(looked.scalars == ids.flatMap { table[Int($0) * 5 ..< Int($0) * 5 + 5] })
        #expect(session.random.nextWord() == next, "the generator stands after the whole table")
        #expect(try embedding.weights[0].scalars == table)
        #expect(embedding.deferred.isEmpty)
    }

    @Test func manyLookupsDrawTheTableOnceAndGiveTheSameRows() throws {
        let session = LayerSession(random: RandomGenerator(seed: 3))
        let embedding = try Embedding(vocabularySize: 10, embeddingSize: 4, session: session)
        let (table, _) = Self.eager(seed: 3, rows: 10, columns: 4)
        let few: [Int32] = [9, 1]
        #expect(try embedding(Tensor(shape: [2], int32Scalars: few)).scalars == few.flatMap { table[Int($0) * 4 ..< Int($0) * 4 + 4] })
        #expect(embedding.deferred[0] != nil)
        let many: [Int32] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 0]
        #expect(try embedding(Tensor(shape: [12], int32Scalars: many)).scalars == many.flatMap { table[Int($0) * 4 ..< Int($0) * 4 + 4] })
        #expect(embedding.deferred.isEmpty, "more ids than rows: the table is drawn whole")
    }

    @Test func setWeightsReplacesADeferredTable() throws {
        let session = LayerSession(random: RandomGenerator(seed: 1))
        let embedding = try Embedding(vocabularySize: 3, embeddingSize: 2, session: session)
        _ = try embedding(Tensor(shape: [1], int32Scalars: [2]))
        try embedding.setWeights([Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])])
        #expect(try embedding(Tensor(shape: [1], int32Scalars: [2])).scalars == [5, 6])
    }
}

/// A Dense kernel is drawn as a first call on a few rows multiplies (a decoder's projection onto
/// a vocabulary): the same outputs, bit for bit, as with the kernel stored, and the kernel is
/// stored only when something needs it whole.
@Suite struct DeferredDenseTests {
    @Test func aFirstCallOnAFewRowsDrawsTheKernelAsItMultiplies() throws {
        var generator = RandomGenerator(seed: 11)
        let x = try Tensor(randomNormal: [1, 3, 42], generator: &generator)  // 42: four rows at a time, then two
        let lazy = try Dense(units: 5000, session: LayerSession(random: RandomGenerator(seed: 5)))
        let stored = try Dense(units: 5000, session: LayerSession(random: RandomGenerator(seed: 5)))
        _ = try stored.weights    // draws its kernel whole now
        let first = try lazy(x)
        #expect(lazy.deferred[0] != nil, "the kernel must not be stored by a first call on 3 rows")
        #expect(first.scalars == (try stored(x)).scalars)
        #expect(try lazy(x).scalars == first.scalars, "a second call (kernel now stored) gives the same numbers")
        #expect(lazy.deferred.isEmpty)
        #expect(try lazy.weights[0].scalars == (try stored.weights[0]).scalars)
    }
}

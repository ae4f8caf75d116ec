// The recurrent layers project their input a few time steps at a time: the outputs and states
// must be those of projecting the whole sequence at once, bit for bit, in both directions and
// with a mask.
import Testing
import Tensors
@testable import Layers

@Suite(.serialized) struct RecurrentChunkTests {
    /// Every output of `make()` applied to x (with `mask` from ids where 0 is padding).
    static func outputs(_ make: (LayerSession) throws -> Recurrent, chunkFloats: Int) throws -> [[Float]] {
        let saved = Recurrent.projectionChunkFloats
        Recurrent.projectionChunkFloats = chunkFloats
        defer { Recurrent.projectionChunkFloats = saved }
        let session = LayerSession(random: RandomGenerator(seed: 21))
        let embedding = try Embedding(vocabularySize: 9, embeddingSize: 6, maskZero: true, session: session)
        let ids: [Int32] = [3, 1, 4, 1, 5, 0, 0, 0, 0, 0, 0, 0, 0,
                            2, 6, 5, 3, 5, 8, 0, 7, 3, 2, 3, 8, 4]
        let embedded = try embedding(Tensor(shape: [2, 13], int32Scalars: ids))
        return try make(session)(embedded).map(\.scalars)
    }

    @Test(arguments: [false, true]) func chunksGiveTheWholeSequencesNumbers(backwards: Bool) throws {
        let layers: [(LayerSession) throws -> Recurrent] = [
            { try GRU(units: 5, returnSequences: true, returnState: true, goBackwards: backwards, session: $0) },
            { try LSTM(units: 4, returnSequences: true, returnState: true, goBackwards: backwards, session: $0) },
            { try SimpleRNN(units: 3, returnSequences: true, goBackwards: backwards, session: $0) },
        ]
        for make in layers {
            let whole = try Self.outputs(make, chunkFloats: 1 << 20)
            // 1: one step per chunk where a chunk must still hold 5 rows (3 steps of batch 2);
            // 40: a few steps per chunk, and a last chunk merged into the one before.
            for chunkFloats in [1, 40] {
                #expect(try Self.outputs(make, chunkFloats: chunkFloats) == whole, "chunks of \(chunkFloats) floats")
            }
        }
    }
}

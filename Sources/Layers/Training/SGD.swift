// Stochastic gradient descent, as Keras 3's `keras.optimizers.SGD`.
import Foundation

/// `SGD(learningRate: 0.01, momentum: 0, nesterov: false)`:
/// without momentum w -= lr·g; with it m = momentum·m - lr·g, then w += m, or with Nesterov
/// w += momentum·m - lr·g (the new m).
public final class SGD: Optimizer {
    public let momentum: Double
    public let nesterov: Bool

    public init(learningRate: Double = 0.01, momentum: Double = 0, nesterov: Bool = false,
                clipNorm: Double? = nil, globalClipNorm: Double? = nil) throws {
        guard momentum >= 0, momentum <= 1 else { throw layerError("SGD: momentum must be in [0, 1], got \(momentum)") }
        self.momentum = momentum
        self.nesterov = nesterov
        try super.init(learningRate: learningRate, clipNorm: clipNorm, globalClipNorm: globalClipNorm, kind: "SGD")
    }

    public override var kind: String { "SGD" }
    override var slotCount: Int { momentum != 0 ? 1 : 0 }

    override func step(_ w: inout [Float], _ g: [Float], _ state: WeightState) {
        let lr = Float(learningRate)
        guard momentum != 0 else {
            withBuffers(&w, g) { w, g, n in for i in 0..<n { w[i] -= g[i] * lr } }
            return
        }
        let mu = Float(momentum), nesterov = self.nesterov
        let m = state.slots[0]
        withBuffers(&w, g) { w, g, n in
            for i in 0..<n {
                m[i] = m[i] * mu - g[i] * lr
                w[i] += nesterov ? m[i] * mu - g[i] * lr : m[i]
            }
        }
    }
}

// Adam, as Keras 3's `keras.optimizers.Adam` (its bias correction folded into the step size).
import Foundation

/// `Adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)`. At step t:
/// α = lr·√(1 - β₂ᵗ) / (1 - β₁ᵗ); m += (g - m)(1 - β₁); v += (g² - v)(1 - β₂);
/// w -= m·α / (√v + ε). (Keras's order of float32 operations; ε outside the square root.)
public final class Adam: Optimizer {
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double

    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7,
                clipNorm: Double? = nil, globalClipNorm: Double? = nil) throws {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        try super.init(learningRate: learningRate, clipNorm: clipNorm, globalClipNorm: globalClipNorm, kind: "Adam")
    }

    public override var kind: String { "Adam" }
    override var slotCount: Int { 2 }

    override func step(_ w: inout [Float], _ g: [Float], _ state: WeightState) {
        let t = Float(state.steps)
        let beta1Power = powf(Float(beta1), t), beta2Power = powf(Float(beta2), t)
        let alpha = Float(learningRate) * (1 - beta2Power).squareRoot() / (1 - beta1Power)
        // Python computes 1 - beta in double before TensorFlow casts it to float32.
        let oneMinusBeta1 = Float(1 - beta1), oneMinusBeta2 = Float(1 - beta2), eps = Float(epsilon)
        let m = state.slots[0], v = state.slots[1]
        withBuffers(&w, g) { w, g, n in
            for i in 0..<n {
                m[i] = m[i] + (g[i] - m[i]) * oneMinusBeta1
                v[i] = v[i] + (g[i] * g[i] - v[i]) * oneMinusBeta2
                w[i] -= (m[i] * alpha) / (v[i].squareRoot() + eps)
            }
        }
    }
}

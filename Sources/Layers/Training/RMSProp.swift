// RMSProp, as Keras 3's `keras.optimizers.RMSprop`.
import Foundation

/// `RMSProp(learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false)`:
/// v = ρv + (1 - ρ)g²; centered: a = ρa + (1 - ρ)g and the denominator is √(v - a² + ε),
/// otherwise √(v + ε) (Keras puts ε inside the root); inc = lr·g / denominator; with momentum
/// m = momentum·m + inc and w -= m, otherwise w -= inc.
public final class RMSProp: Optimizer {
    public let rho: Double
    public let momentum: Double
    public let epsilon: Double
    public let centered: Bool

    public init(learningRate: Double = 0.001, rho: Double = 0.9, momentum: Double = 0, epsilon: Double = 1e-7,
                centered: Bool = false, clipNorm: Double? = nil, globalClipNorm: Double? = nil) throws {
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered
        try super.init(learningRate: learningRate, clipNorm: clipNorm, globalClipNorm: globalClipNorm, kind: "RMSProp")
    }

    public override var kind: String { "RMSProp" }
    /// velocity, then the momentum (when used), then the average gradient (when centered).
    override var slotCount: Int { 1 + (momentum > 0 ? 1 : 0) + (centered ? 1 : 0) }

    override func step(_ w: inout [Float], _ g: [Float], _ state: WeightState) {
        let lr = Float(learningRate), r = Float(rho), oneMinusRho = Float(1 - rho)
        let eps = Float(epsilon), mu = Float(momentum)
        let velocity = state.slots[0]
        let moment = momentum > 0 ? state.slots[1] : nil
        let average = centered ? state.slots[state.slots.count - 1] : nil
        withBuffers(&w, g) { w, g, n in
            for i in 0..<n {
                let v = r * velocity[i] + oneMinusRho * (g[i] * g[i])
                velocity[i] = v
                var denominator = v + eps
                if let average {
                    let a = r * average[i] + oneMinusRho * g[i]
                    average[i] = a
                    denominator = v - a * a + eps
                }
                let increment = (lr * g[i]) / denominator.squareRoot()
                if let moment {
                    moment[i] = mu * moment[i] + increment
                    w[i] -= moment[i]
                } else {
                    w[i] -= increment
                }
            }
        }
    }
}

// swiftc: trap
// An error inside nested calls names the chain of calls, innermost first.
struct Dense {
    var weights: [Double]
    func callAsFunction(_ x: [Double]) -> Double {
        var s = 0.0
        for i in 0..<x.count { s += weights[i] * x[i] }
        return s
    }
}
struct Encoder {
    var dense: Dense
    func callAsFunction(_ x: [Double]) -> Double { dense(x) * 2 }
}
let encoder = Encoder(dense: Dense(weights: [1, 2]))
print(encoder([1, 1]))   // expect: 6.0
print(encoder([1, 1, 1]))
// expect error: call_chain.swift:7:37: Index out of range
// expect frame: Dense.callAsFunction(_:) at call_chain.swift:13:52
// expect frame: Encoder.callAsFunction(_:) at call_chain.swift:17:7

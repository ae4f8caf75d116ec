// swiftc: skip
// Gradients in cells (training.md): with respect to tensors, built-in layers, models and
// user-defined layers; the closure runs in the training phase.
let x = Tensor([1, 2, 3])
print(gradient(at: x) { x in (x * x).sum() })  // expect: [2. 4. 6.]
let a = Tensor([[1, 2], [3, 4]])
let b = Tensor([[5, 6], [7, 8]])
let (v, (ga, gb)) = valueWithGradient(at: a, b) { a, b in (a * b).sum() }
print(v)                                        // expect: 70.0
print(ga.scalars, gb.scalars)                   // expect: [5.0, 6.0, 7.0, 8.0] [1.0, 2.0, 3.0, 4.0]
// cell
// Dense: y = x·K + b = [4.5, 4.5]; loss = mean(y²) so dL/dy = y; dK = xᵀ·y, db = y.
let dense = Dense(units: 2)
let input = Tensor([[1, 2, 3]])
_ = dense(input)
dense.setWeights([Tensor([[1, 0], [0, 1], [1, 1]]), Tensor([0.5, -0.5])])
let (loss, grads) = valueWithGradient(at: dense) { d -> Tensor in (d(input) * d(input)).mean() }
print(loss)                                     // expect: 20.25
print(grads.kernel.scalars)                     // expect: [4.5, 4.5, 9.0, 9.0, 13.5, 13.5]
print(grads.bias.scalars)                       // expect: [4.5, 4.5]
print(grads.weights.count, dense.trainableWeights.count)  // expect: 2 2
// cell
// Embedding: each looked-up row gets the sum of its positions' gradients (id 2 twice).
let embedding = Embedding(vocabularySize: 4, embeddingSize: 2, maskZero: true)
let ids = Tensor<Int32>([[1, 2, 2, 0]])
_ = embedding(ids)
embedding.setWeights([Tensor([[0, 0], [1, 1], [2, 2], [3, 3]])])
let ge = gradient(at: embedding) { e in (e(ids) * Tensor([[[1], [1], [1], [0]]])).sum() }
print(ge.embeddings.scalars)                    // expect: [0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 0.0, 0.0]
// cell
// Dropout is the identity outside the closure, active inside it (kept elements scaled by 2).
let drop = Dropout(rate: 0.5)
let ones = Tensor(ones: [1, 1000])
print(drop(ones).sum())                         // expect: 1000.0
let gd = gradient(at: ones) { x in drop(x).sum() }
print(gd.max(), gd.min())                       // expect: 2.0 0.0
let kept = (gd .> 0).sum().scalar
print(kept > 400 && kept < 600)                 // expect: true
print(drop(ones).sum())                         // expect: 1000.0
// cell
// A user-defined layer: helpers, a loop, a conditional and a tuple result, differentiated
// through the interpreter. y = x·K + b = 3; p = 4y, q = y; loss = p + q, so dL/dy = 5.
struct Twice: Layer {
    var inner: Dense
    init() { inner = Dense(units: 1) }
    func scaled(_ t: Tensor, _ times: Int) -> Tensor {
        var r = t
        for _ in 0..<times { r = r * 2 }
        return r
    }
    func callAsFunction(_ x: Tensor) -> (Tensor, Tensor) {
        let y = inner(x)
        if y.rank == 2 { return (scaled(y, 2), y) }
        return (y, y)
    }
}
let twice = Twice()
let pair = Tensor([[1, 2]])
_ = twice(pair)
twice.inner.setWeights([Tensor([[1], [1]]), Tensor([0])])
let (lt, gt) = valueWithGradient(at: twice) { m -> Tensor in
    let (p, q) = m(pair)
    return (p + q).sum()
}
print(lt)                                       // expect: 15.0
print(gt.inner.kernel.scalars, gt.inner.bias.scalars)  // expect: [5.0, 10.0] [5.0]
print(gt.weights.count, twice.trainableWeights.count)  // expect: 2 2
// cell
// A Sequential and a functional Model give the gradients the same computation written with
// tensor operations gives.
let model = Sequential([Dense(units: 3, activation: .relu), Dense(units: 1, activation: .sigmoid)])
let xs = Tensor([[1, -1], [2, 0.5], [-0.5, 1.5]])
_ = model(xs)
let (lm, gm) = valueWithGradient(at: model) { m -> Tensor in m(xs).mean() }
print(gm.weights.map { $0.shape })              // expect: [(2, 3), (3,), (3, 1), (1,)]
let w = model.trainableWeights
let (lr, gr) = valueWithGradient(at: w[0], w[1], w[2], w[3]) { k1, b1, k2, b2 in
    sigmoid(matmul(relu(matmul(xs, k1) + b1), k2) + b2).mean()
}
print(lm == lr)                                 // expect: true
let (r0, r1, r2, r3) = gr
print(zip(gm.weights, [r0, r1, r2, r3]).allSatisfy { abs($0 - $1).max().scalar < 1e-6 })  // expect: true
let inputs = Input(shape: [2])
let hidden = Dense(units: 3, activation: .tanh)(inputs)
let functional = Model(inputs: inputs, outputs: Dense(units: 2)(Concatenate()([hidden, inputs])))
let (_, gf) = valueWithGradient(at: functional) { m -> Tensor in softmax(m(xs)).max(squeezingAxes: 1).sum() }
print(gf.weights.map { $0.shape })              // expect: [(2, 3), (3,), (5, 2), (2,)]
print(gf.dense_4.kernel.shape)                  // expect: (2, 3)
// cell
let g4 = gradient(at: x) { x in x * 2 }  // expect error: gradients.swift:90:10: gradient: the closure must return a scalar tensor (the loss), got float32 of shape (3,); reduce it, e.g. with .mean() or .sum()
// cell
let tokenIds = Tensor<Int32>([[1, 2, 0]])
let g5 = gradient(at: tokenIds) { i in Tensor<Float>(i).sum() }  // expect error: gradients.swift:93:10: gradient(at:): cannot differentiate with respect to a Tensor<Int32> (shape (1, 3)): integer tensors (token ids, masks) carry no gradient; convert with Tensor<Float>(x) if you mean numbers
// cell
let g6 = gradient(at: x) { x in 3 }  // expect error: gradients.swift:95:10: gradient(at:): the closure must return a scalar Tensor (the loss), got Int
// cell
let g7 = gradient(at: "text") { s in x.sum() }  // expect error: gradients.swift:97:10: gradient(at:): cannot differentiate with respect to a value of type String; give a Tensor, a layer, a model, or a struct or class conforming to Layer
// cell
// A Dense called again on the same tensor (an attention's keys at every decoder step) computes
// once and backpropagates once, with the same gradient; a new tensor of the same shape is a new
// call. y = x·K with K = [1, 1]; the keys count 3 times.
let keyLayer = Dense(units: 1, useBias: false)
let states = Tensor([[1, 2]])
_ = keyLayer(states)
keyLayer.setWeights([Tensor([[1], [1]])])
let (lk, gk) = valueWithGradient(at: keyLayer) { d -> Tensor in
    var total = Tensor(0)
    for _ in 0..<3 { total = total + d(states).sum() }
    for i in 1...20 { total = total + d(Tensor([[Float(i), 0]])).sum() }
    return total
}
print(lk)                                       // expect: 219.0
print(gk.kernel.scalars)                        // expect: [213.0, 6.0]

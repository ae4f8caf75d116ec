// swiftc: skip
// Training in cells: a custom loop (valueWithGradient + optimizer.update) lowers the loss, and
// Keras's loop (compile, fit, evaluate, predict) prints one line per epoch without timings.
let model = Sequential([Dense(units: 2, activation: .tanh), Dense(units: 1, activation: .sigmoid)])
let x = Tensor([[0, 0], [0, 1], [1, 0], [1, 1]])
let y = Tensor([[0], [1], [1], [1]])
_ = model(x)
model.layers[0].setWeights([Tensor([[0.5, -0.5], [0.25, 0.75]]), Tensor([0, 0])])
model.layers[1].setWeights([Tensor([[1], [-1]]), Tensor([0])])
let optimizer = SGD(learningRate: 0.5)
var losses: [Float] = []
for _ in 0..<5 {
    let (loss, grads) = valueWithGradient(at: model) { m -> Tensor in binaryCrossentropy(predicted: m(x), expected: y) }
    optimizer.update(&model, along: grads)
    losses.append(loss.scalar)
}
print(zip(losses, losses.dropFirst()).allSatisfy { $0.1 < $0.0 })  // expect: true
// cell
model.compile(optimizer: SGD(learningRate: 0.5), loss: .binaryCrossentropy, metrics: [.accuracy])
let history = model.fit(x, y, epochs: 2, batchSize: 4, shuffle: false)
// expect: Epoch 1/2
// expect: 1/1 ━━━━━━━━━━━━━━━━━━━━ - accuracy: 0.7500 - loss: 0.4121
// expect: Epoch 2/2
// expect: 1/1 ━━━━━━━━━━━━━━━━━━━━ - accuracy: 0.7500 - loss: 0.3936
print(history.epochs, history["loss"]!.count)  // expect: [0, 1] 2
print(history["loss"]![1] < history["loss"]![0])  // expect: true
print(model.evaluate(x, y).count, model.predict(x, batchSize: 3).shape)  // expect: 2 (4, 1)
// cell
let untrained = Sequential([Dense(units: 1)])
_ = untrained(x)
untrained.fit(x, y)  // expect error: fit.swift:31:1: sequential_1.fit: the model is not compiled; call sequential_1.compile(optimizer:loss:metrics:) first, e.g. compile(optimizer: Adam(), loss: .binaryCrossentropy, metrics: [.accuracy])

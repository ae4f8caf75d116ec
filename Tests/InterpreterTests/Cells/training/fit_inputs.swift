// swiftc: skip
// fit, evaluate and predict on a model with several inputs take an array of tensors, one per
// input, in the order of the model's inputs (Keras takes a list). A model of two inputs joined
// by Concatenate gives exactly what a one-input model gives on the joined arrays, same weights.
let a = Input(shape: [2])
let b = Input(shape: [1])
let twoDense = Dense(units: 1, activation: .sigmoid)
let two = Model(inputs: [a, b], outputs: twoDense(Concatenate()([a, b])))
let c = Input(shape: [3])
let oneDense = Dense(units: 1, activation: .sigmoid)
let one = Model(inputs: c, outputs: oneDense(c))
let xa = Tensor([[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.5]])
let xb = Tensor([[1], [0], [1], [0], [1]])
let xc = Tensor(concatenating: [xa, xb], alongAxis: 1)
let y = Tensor([[0], [1], [1], [1], [0]])
twoDense.setWeights([Tensor([[0.5], [-0.5], [0.25]]), Tensor([0.1])])
oneDense.setWeights([Tensor([[0.5], [-0.5], [0.25]]), Tensor([0.1])])
two.compile(optimizer: SGD(learningRate: 0.5), loss: .binaryCrossentropy, metrics: [.accuracy])
one.compile(optimizer: SGD(learningRate: 0.5), loss: .binaryCrossentropy, metrics: [.accuracy])
let h2 = two.fit([xa, xb], y, epochs: 2, batchSize: 2, shuffle: false, validationData: ([xa, xb], y))
// expect: Epoch 1/2
// expect: 3/3 ━━━━━━━━━━━━━━━━━━━━ - accuracy: 0.4000 - loss: 0.7759 - val_accuracy: 0.8000 - val_loss: 0.6741
// expect: Epoch 2/2
// expect: 3/3 ━━━━━━━━━━━━━━━━━━━━ - accuracy: 0.6000 - loss: 0.7147 - val_accuracy: 0.8000 - val_loss: 0.6264
let h1 = one.fit(xc, y, epochs: 2, batchSize: 2, shuffle: false, validationData: (xc, y))
// expect: Epoch 1/2
// expect: 3/3 ━━━━━━━━━━━━━━━━━━━━ - accuracy: 0.4000 - loss: 0.7759 - val_accuracy: 0.8000 - val_loss: 0.6741
// expect: Epoch 2/2
// expect: 3/3 ━━━━━━━━━━━━━━━━━━━━ - accuracy: 0.6000 - loss: 0.7147 - val_accuracy: 0.8000 - val_loss: 0.6264
print(h2["loss"]! == h1["loss"]!, h2["val_accuracy"]! == h1["val_accuracy"]!)  // expect: true true
let e2 = two.evaluate([xa, xb], y, batchSize: 2), e1 = one.evaluate(xc, y, batchSize: 2)
print(e2[0] == e1[0], e2[1] == e1[1])  // expect: true true
print(two.predict([xa, xb], batchSize: 3).scalars == one.predict(xc, batchSize: 3).scalars)  // expect: true
print(twoDense.trainableWeights[0].scalars == oneDense.trainableWeights[0].scalars)  // expect: true
// cell
two.fit(xa, y)  // expect error: fit_inputs.swift:36:1: fit: functional has 2 inputs, got 1 tensor; give [x1, x2, ...], one tensor per input, in the order of the model's inputs
// cell
one.predict([xa, xb])  // expect error: fit_inputs.swift:38:1: predict: functional_1 has 1 input, got 2 tensors
// cell
let both = Model(inputs: [a, b], outputs: [Dense(units: 1)(a), Dense(units: 1)(b)])
both.compile(optimizer: SGD(), loss: .meanSquaredError)
both.fit([xa, xb], y)  // expect error: fit_inputs.swift:42:1: functional_2 has 2 outputs; fit, evaluate and predict take a model with one output (train one with several with valueWithGradient and optimizer.update)

// Gradient descent on a line y = 2x + 1 with plain Doubles, as a first ML lesson.
let xs: [Double] = [0, 1, 2, 3, 4]
let ys = xs.map { 2 * $0 + 1 }
var w = 0.0, b = 0.0
let learningRate = 0.05
var losses: [Double] = []
for epoch in 1...200 {
    var gradW = 0.0, gradB = 0.0, loss = 0.0
    for (x, y) in zip(xs, ys) {
        let error = w * x + b - y
        loss += error * error
        gradW += 2 * error * x
        gradB += 2 * error
    }
    let n = Double(xs.count)
    w -= learningRate * gradW / n
    b -= learningRate * gradB / n
    losses.append(loss / n)
    if epoch % 50 == 0 {
        print("epoch \(epoch): w=\((w * 1000).rounded() / 1000) b=\((b * 1000).rounded() / 1000)")
    }
}
// expect: epoch 50: w=2.02 b=0.942
// expect: epoch 100: w=2.005 b=0.987
// expect: epoch 150: w=2.001 b=0.997
// expect: epoch 200: w=2.0 b=0.999
print(losses.first!, losses.last! < 1e-4)   // expect: 33.0 true
print(zip(losses, losses.dropFirst()).allSatisfy { $1 <= $0 })  // expect: true

// swiftc: skip
// Tensor shapes print as tuples; a shape mismatch is an error naming the op and both shapes.
let x = Tensor(zeros: [1, 3])
print(x.shape)                       // expect: (1, 3)
print(x.rank, x.scalarCount)         // expect: 2 3
print(x.expandingShape(at: 1).shape) // expect: (1, 1, 3)
print(Tensor(ones: [2, 3, 4]).transposed(permutation: [0, 2, 1]).shape)  // expect: (2, 4, 3)
print(Tensor(zeros: [2, 5]).reshaped(to: [-1, 1]).shape)  // expect: (10, 1)
print(Tensor<Int32>([[4, 9, 0]]).shape[1])  // expect: 3
x.shape // expect result: (1, 3)
// cell
let keys = Tensor(zeros: [1, 10, 512])
let h = Tensor(zeros: [1, 100, 1])
let score = matmul(keys, h)          // expect error: shapes_and_errors.swift:14:13: matmul: inner dimensions differ: (1, 10, 512) x (1, 100, 1)

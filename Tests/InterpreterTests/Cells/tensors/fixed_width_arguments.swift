// swiftc: skip
// Sized integers where the tensor API takes numbers (as a Swift for TensorFlow cell writes them).
let vocabulary = 50
let ids = Tensor<Int32>(randomUniform: [2, 3], lowerBound: 0, upperBound: Int32(vocabulary))
print(ids.shape)                                     // expect: (2, 3)
print(Tensor<Int32>([Int32(3), 4]).shape, Tensor([Int8(2), 1]).shape)  // expect: (2,) (2,)
print(Tensor(zeros: [Int(Int32(2)), 3]).shape)        // expect: (2, 3)

// swiftc: trap
// A bad index while an array element is changed in place.
var xs = [1, 2, 3]
xs[2] -= 5
print(xs)                        // expect: [1, 2, -2]
xs[3] += 1                       // expect error: element_index.swift:6:1: Index out of range

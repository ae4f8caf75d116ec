// A failed cell keeps what it declared before the failure; later cells can use it.
let list = [1, 2]
print("start")             // expect: start
let kept = list.count * 10
let lost = list[5]         // expect error: failed_cell_keeps_bindings.swift:5:12: Index out of range
print("never printed")
// cell
print(kept)                // expect: 20
print(list)                // expect: [1, 2]

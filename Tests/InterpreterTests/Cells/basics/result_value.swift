// The last expression of a cell is its result (shown like Jupyter's Out[n]).
let base = 40
base + 2 // expect result: 42

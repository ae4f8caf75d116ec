// A cell ending in a Void call or a declaration has no result.
var total = 0
for i in 1...4 { total += i }
print(total)  // expect: 10

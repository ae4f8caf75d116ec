// break, continue and labelled statements.
var found: (Int, Int)? = nil
outer: for i in 1...5 {
    for j in 1...5 {
        if j > i { continue outer }
        if i * j == 12 { found = (i, j); break outer }
    }
}
print(found!)  // expect: (4, 3)
var odds: [Int] = []
for i in 0..<10 {
    if i % 2 == 0 { continue }
    if i > 7 { break }
    odds.append(i)
}
print(odds)  // expect: [1, 3, 5, 7]
var steps = 0
loop: while true {
    steps += 1
    switch steps {
    case 3: break loop
    default: continue loop
    }
}
print(steps)  // expect: 3

let values = [3, 1, 2]
for v in values {
    if v > 1 {
        print(v)
}
// expect error: syntax_missing_brace.swift:5:2: expected '}' to end 'for' statement

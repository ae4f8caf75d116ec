print("not printed")
for i in 0..<3 print(i)
// expect error: syntax_for_without_brace.swift:2:16: expected '{' in 'for' statement
// expect error: syntax_for_without_brace.swift:2:24: expected '}' to end 'for' statement

// Syntax errors are swift-syntax's own diagnostics, at the file's line and column; nothing runs.
print("not printed")
let total = (1 + 2
print(total)
// expect error: syntax_unclosed_paren.swift:3:19: expected ')' to end tuple
// swiftc: compile-error

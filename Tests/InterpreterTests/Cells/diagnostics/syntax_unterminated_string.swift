let name = "attention
print(name)
// expect error: syntax_unterminated_string.swift:1:22: expected '"' to end string literal

let rate = 0.1
var step = rate *
// expect error: syntax_missing_operand.swift:2:18: expected expression after operator

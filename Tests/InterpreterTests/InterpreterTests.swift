import Testing
@testable import Interpreter

// The interpreter's tests: SessionTests.swift (the session's contract with the runner) and the
// literate cell files under Cells/ (run by LiterateCellTests.swift).

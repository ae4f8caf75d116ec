// An error thrown and not caught at the top level fails the cell.
enum DataError: Error { case missingFile(String) }
func load(_ path: String) throws -> String { throw DataError.missingFile(path) }
print("loading")                 // expect: loading
let text = try load("train.txt") // expect error: uncaught_error.swift:5:12: Error raised at top level: DataError.missingFile("train.txt")

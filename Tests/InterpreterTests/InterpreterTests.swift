import Testing
@testable import Interpreter


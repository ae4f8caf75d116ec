import Testing
@testable import Notebook


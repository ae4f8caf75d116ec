import Reports

// swift-syntax has types of the same names; in this module these names mean ours.
typealias SourceLocation = Reports.SourceLocation
typealias SourceRange = Reports.SourceRange
typealias Diagnostic = Reports.Diagnostic

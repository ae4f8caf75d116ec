// swiftc: skip
// String(format:) checks each specifier against its argument (issue 18): a mismatch is an error
// of the cell, never a crash of the worker nor process memory on the page. (swiftc: skip, since
// compiled Swift crashes or prints garbage on these very lines.)
print(String(format: "%5.1f|%-4d|%@|%x|%%|%2$@ %1$@", 2.25, 7, "s", 255))  // expect:   2.2|7   |s|ff|%|7 2.25
print(String(format: "%@ %d", "%s%n%p", 5))  // expect: %s%n%p 5
print(String(format: "%*d|%.*f", 4, 7, 2, 3.14159))  // expect:    7|3.14
// cell
let a = String(format: "%s", 42)
// expect error: format_checked.swift:9:9: String(format:): '%s' formats a C string pointer, which a cell cannot pass; use %@ for a String
// cell
let b = String(format: "%p")
// expect error: format_checked.swift:12:9: String(format:): '%p' formats a pointer, which a cell has none of
// cell
let c = String(format: "%d%n", 1, 2)
// expect error: format_checked.swift:15:9: String(format:): '%n' writes through a pointer and is not allowed
// cell
let d = String(format: "%d", 2.5)
// expect error: format_checked.swift:18:9: String(format:): '%d' formats an integer, got 'Double'
// cell
let e = String(format: "%f", 3)
// expect error: format_checked.swift:21:9: String(format:): '%f' formats a Double or Float, got 'Int'
// cell
let f = String(format: "%d %d", 1)
// expect error: format_checked.swift:24:9: String(format:): '%d' has no argument (1 given)
// cell
let g = String(format: "%Lf", 1.0)
// expect error: format_checked.swift:27:9: String(format:): '%Lf': a floating-point format takes no length other than 'l' (long double is not supported)
// cell
let h = String(format: "%@", [1])
// expect error: format_checked.swift:30:9: String(format:): '%@' formats a String or a number, got '[Int]'
// cell
let i = String(format: "%99999d", 1)
// expect error: format_checked.swift:33:9: String(format:): the width or precision of '%99999d' is over 10000
// cell
let j = String(format: "50%")
// expect error: format_checked.swift:36:9: String(format:): '%' is not a complete format specifier

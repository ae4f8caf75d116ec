// Multi-line and raw string literals.
let poem = """
    roses are red
      indented line
    last
    """
print(poem)
// expect: roses are red
// expect:   indented line
// expect: last
let raw = #"a "raw" \n string"#
print(raw)        // expect: a "raw" \n string
let rawInterp = #"value: \#(1 + 1)"#
print(rawInterp)  // expect: value: 2
let joined = """
    one \
    line
    """
print(joined)     // expect: one line

// A loop's variable, an `if let`'s or a `case let`'s binding holds its instance only while its
// statement runs; `_ = ` holds it not at all.
class Resource {
    let name: String
    init(_ name: String) { self.name = name }
    deinit { print("close \(name)") }
}
var items: [Resource]? = [Resource("x"), Resource("y")]
for it in items! { print(it.name) }
// expect: x
// expect: y
// expect: close x
// expect: close y
items = nil
print("after loop")                      // expect: after loop
var maybe: Resource? = Resource("z")
if let m = maybe { print(m.name) }
// expect: z
// expect: close z
maybe = nil
print("after if")                        // expect: after if
var one: Resource? = Resource("s")
switch one {
case let r?: print("got", r.name)
case nil: print("none")
}
// expect: got s
// expect: close s
one = nil
print("after switch")                    // expect: after switch
_ = Resource("temp")                     // expect: close temp
print("after discard")                   // expect: after discard
// cell
func scan() {
    var pool: [Resource]? = [Resource("p")]
    for r in pool! { print("scan", r.name) }
    pool = nil
    print("scanned")
    weak var gone = pool?.first
    print(gone == nil)
}
scan()
// expect: scan p
// expect: close p
// expect: scanned
// expect: true

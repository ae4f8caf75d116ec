// A class's deinit runs when its instance's last strong reference goes away: a variable set to
// nil or to another instance, a block or function ending, a collection letting go of it.
class Resource {
    let name: String
    init(_ name: String) { self.name = name; print("open \(name)") }
    deinit { print("close \(name)") }
}
var r: Resource? = Resource("a")         // expect: open a
r = nil                                  // expect: close a
print("after nil")                       // expect: after nil
do {
    let b = Resource("b")                // expect: open b
    print("in block", b.name)            // expect: in block b
}                                        // expect: close b
print("after block")                     // expect: after block
func use() {
    let d = Resource("d")
    print("using", d.name)
}
use()
// expect: open d
// expect: using d
// expect: close d
print("after use")                       // expect: after use
var list = [Resource("e"), Resource("f"), Resource("f2")]
// expect: open e
// expect: open f
// expect: open f2
list.removeFirst()                       // expect: close e
print("removed first")                   // expect: removed first
list = []
// expect: close f
// expect: close f2
print("emptied")                         // expect: emptied
var x: Resource? = Resource("g")         // expect: open g
x = Resource("h")
// expect: open h
// expect: close g
print("reassigned")                      // expect: reassigned
class Owner {
    let res = Resource("inner")
    let name = "owner"
    deinit { print("owner gone", res.name) }
}
var o: Owner? = Owner()                  // expect: open inner
o = nil
// expect: owner gone inner
// expect: close inner
print("owner released")                  // expect: owner released
class Base { deinit { print("base deinit") } }
class Derived: Base { deinit { print("derived deinit") } }
var dd: Derived? = Derived()
dd = nil
// expect: derived deinit
// expect: base deinit
for i in 1...2 {
    let t = Resource("loop\(i)")
    print("iter", t.name)
}
// expect: open loop1
// expect: iter loop1
// expect: close loop1
// expect: open loop2
// expect: iter loop2
// expect: close loop2
var table = ["k": Resource("dict")]      // expect: open dict
table["k"] = nil                         // expect: close dict
print("removed key")                     // expect: removed key
class Pair { var a = Resource("pa"); var b = Resource("pb"); deinit { print("pair gone") } }
var pp: Pair? = Pair()
// expect: open pa
// expect: open pb
pp = nil
// expect: pair gone
// expect: close pa
// expect: close pb
print("end")                             // expect: end

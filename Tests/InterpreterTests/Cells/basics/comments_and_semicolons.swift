// Comments, semicolons and several statements on one line.
/* a block comment
   over lines */
let a = 1; let b = 2; print(a + b)  // expect: 3
/* nested /* comments */ are fine */
print("ok") ; print("twice")
// expect: ok
// expect: twice

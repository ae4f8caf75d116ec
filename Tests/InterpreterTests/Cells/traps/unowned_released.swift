// swiftc: trap
// Reading an `unowned` reference after its instance was released is Swift's trap.
class Owner { let name = "owner" }
class Pet {
    unowned let owner: Owner
    init(owner: Owner) { self.owner = owner }
}
var owner: Owner? = Owner()
let pet = Pet(owner: owner!)
print(pet.owner.name)                    // expect: owner
owner = nil
print(pet.owner.name)
// expect error: unowned_released.swift:12:11: Attempted to read an unowned reference but object was already destroyed

import Runner
print("nbrun (scaffold)")

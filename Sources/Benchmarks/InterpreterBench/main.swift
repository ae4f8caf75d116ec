// Benchmark: see the Interpreter issue. (scaffold)
print("no benchmark yet")

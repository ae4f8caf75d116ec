// Benchmark: see the Runner issue. (scaffold)
print("no benchmark yet")

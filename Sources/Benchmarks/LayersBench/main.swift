// Benchmark: see the Layers issue. (scaffold)
print("no benchmark yet")

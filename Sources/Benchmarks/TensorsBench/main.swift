// Benchmark: see the Tensors issue. (scaffold)
print("no benchmark yet")

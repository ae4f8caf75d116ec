// Benchmark: see the Render issue. (scaffold)
print("no benchmark yet")

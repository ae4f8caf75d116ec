// The tensor engine: see the tensor issue. (scaffold)
public enum TensorsModule {}

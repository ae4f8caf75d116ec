import Tensors
// Keras-parity layers: see the layers issue. (scaffold)
public enum LayersModule {}

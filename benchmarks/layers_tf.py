#!/usr/bin/env python3
"""TensorFlow side of the Layers benchmark (eager; the training step as a tf.function): the same
cases as LayersBench, ms as JSON on stdout (fastest of the repeats). Run by benchmarks/layers.sh."""
import json
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import tensorflow as tf  # noqa: E402
from keras import layers as L  # noqa: E402


def milliseconds(repeats, body):
    body()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main():
    tf.random.set_seed(1)
    results = {}
    lstm, x = L.LSTM(512), tf.random.uniform((1, 3, 256))
    results["lstm_512_1x3x256"] = milliseconds(200, lambda: lstm(x).numpy())
    gru, x = L.GRU(1024, return_sequences=True), tf.random.uniform((64, 30, 512))
    results["gru_1024_64x30x512"] = milliseconds(5, lambda: gru(x).numpy())
    dense, x = L.Dense(30000), tf.random.uniform((1, 3, 512))
    results["dense_30000_1x3x512"] = milliseconds(50, lambda: dense(x).numpy())
    w1, w2, v = L.Dense(1024), L.Dense(1024), L.Dense(1)
    values, query = tf.random.uniform((64, 30, 1024)), tf.random.uniform((64, 1024))

    def attention():
        score = v(tf.nn.tanh(w1(values) + w2(tf.expand_dims(query, 1))))
        weights = tf.nn.softmax(score, axis=1)
        return tf.reduce_sum(weights * values, axis=1).numpy()

    results["bahdanau_64x30x1024"] = milliseconds(10, attention)

    # A training step (forward and backward) of the course classifier's recurrent part: two
    # Bidirectional(LSTM(64, dropout=0.5, return_sequences=True)) on (256, 50, 128), gradients of
    # the weights and the input. Compiled with tf.function, as Keras's fit runs its train step.
    first = L.Bidirectional(L.LSTM(64, dropout=0.5, return_sequences=True))
    second = L.Bidirectional(L.LSTM(64, dropout=0.5, return_sequences=True))
    x, upstream = tf.random.uniform((256, 50, 128)), tf.random.uniform((256, 50, 128))
    second(first(x))

    @tf.function
    def train_step():
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = second(first(x, training=True), training=True)
            loss = tf.reduce_sum(y * upstream)
        return tape.gradient(loss, [x] + first.trainable_weights + second.trainable_weights)

    results["bilstm2_train_256x50x128"] = milliseconds(3, lambda: [g.numpy() for g in train_step()])
    json.dump(results, sys.stdout)
    print(f"TensorFlow {tf.__version__}, threads: intra {tf.config.threading.get_intra_op_parallelism_threads()}",
          file=sys.stderr)


if __name__ == "__main__":
    main()

"""The Keras side of benchmarks/training.sh: trains one of its two models on the data files
training.py wrote, on the same batches in the same order as nbrun, and prints one JSON line:
seconds per epoch and the final loss.

    python benchmarks/training_tf.py classifier|translator DATA_FOLDER EPOCHS
"""
import json
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import tensorflow as tf
import keras
from keras import layers


class Bahdanau(layers.Layer):
    """score = V(tanh(W1(values) + W2(query))), softmax over time, context = sum of weights * values."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.W1 = layers.Dense(units)
        self.W2 = layers.Dense(units)
        self.V = layers.Dense(1)

    def call(self, values, query):
        score = self.V(tf.nn.tanh(self.W1(values) + self.W2(tf.expand_dims(query, 1))))
        weights = tf.nn.softmax(score, axis=1)
        return tf.reduce_sum(weights * values, axis=1), weights


class EpochTimer(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.seconds = []

    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.seconds.append(time.perf_counter() - self.start)


def classifier(data, epochs):
    x, y = np.load(f"{data}/cls_x.npy"), np.load(f"{data}/cls_y.npy")
    vx, vy = np.load(f"{data}/cls_vx.npy"), np.load(f"{data}/cls_vy.npy")
    inputs = keras.Input(shape=(x.shape[1],), dtype="int32")
    embedded = layers.Embedding(10000, 128, mask_zero=True)(inputs)
    sequence = layers.Bidirectional(layers.LSTM(64, dropout=0.5, return_sequences=True))(embedded)
    sequence, forward_h, _, backward_h, _ = layers.Bidirectional(
        layers.LSTM(64, dropout=0.5, return_sequences=True, return_state=True))(sequence)
    context, _ = Bahdanau(64)(sequence, layers.Concatenate()([forward_h, backward_h]))
    hidden = layers.Dropout(0.5)(layers.Dense(20, activation="relu")(context))
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(hidden))
    model.compile(optimizer=keras.optimizers.Adam(), loss="binary_crossentropy", metrics=["accuracy"])
    timer = EpochTimer()
    history = model.fit(x, y, epochs=epochs, batch_size=256, shuffle=False, validation_data=(vx, vy),
                        callbacks=[timer], verbose=0)
    return timer.seconds, history.history["loss"][-1]


def translator(data, epochs):
    src, tgt_in = np.load(f"{data}/s2s_src.npy"), np.load(f"{data}/s2s_tgt_in.npy")
    tgt_out, mask = np.load(f"{data}/s2s_tgt_out.npy"), np.load(f"{data}/s2s_mask.npy")
    batches, steps = src.shape[0], tgt_in.shape[1]
    units, embedding, vocabulary = 256, 128, 2000

    class Encoder(keras.Model):
        def __init__(self):
            super().__init__()
            self.embedding = layers.Embedding(vocabulary, embedding)
            self.gru = layers.GRU(units, return_sequences=True, return_state=True)

        def call(self, tokens):
            return self.gru(self.embedding(tokens))

    class Decoder(keras.Model):
        def __init__(self):
            super().__init__()
            self.embedding = layers.Embedding(vocabulary, embedding)
            self.gru = layers.GRU(units, return_sequences=True, return_state=True)
            self.output_layer = layers.Dense(vocabulary)
            self.attention = Bahdanau(units)

        def call(self, tokens, state, encoder_output):
            context, weights = self.attention(encoder_output, state)
            x = tf.concat([tf.expand_dims(context, 1), self.embedding(tokens)], axis=-1)
            sequence, state = self.gru(x, initial_state=state)
            return self.output_layer(tf.reshape(sequence, (-1, sequence.shape[2]))), state

    encoder, decoder = Encoder(), Decoder()
    optimizer = keras.optimizers.Adam()

    @tf.function
    def train_step(source, target_in, target_out, weights):
        with tf.GradientTape() as tape:
            encoder_output, state = encoder(source)
            logits = []
            for t in range(steps):
                step_logits, state = decoder(target_in[t], state, encoder_output)
                logits.append(step_logits)
            logits = tf.stack(logits, axis=1)
            ce = keras.losses.sparse_categorical_crossentropy(target_out, logits, from_logits=True)
            loss = tf.reduce_sum(ce * weights) / tf.reduce_sum(weights)
        variables = encoder.trainable_variables + decoder.trainable_variables
        optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
        return loss

    seconds, loss = [], None
    for _ in range(epochs):
        start = time.perf_counter()
        losses = [float(train_step(tf.constant(src[b]), tf.constant(tgt_in[b]), tf.constant(tgt_out[b]), tf.constant(mask[b])))
                  for b in range(batches)]
        seconds.append(time.perf_counter() - start)
        loss = float(np.mean(losses))
    return seconds, loss


if __name__ == "__main__":
    model, data, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    tf.keras.utils.set_random_seed(1)
    seconds, loss = (classifier if model == "classifier" else translator)(data, epochs)
    print(json.dumps({"seconds": seconds, "loss": loss}))

"""The course's two models trained in Keras 3 on the course's data (notebooks/data/*.tsv), with
the split, tokenisation and hyper-parameters nbrun's course notebook uses, so the two can be put
side by side: test accuracy of the classifier, corpus BLEU of the translator.

Run (TensorFlow CPU; the machine is shared, so nice it):
    nice -n 19 /work/main/.venv-tf/bin/python scripts/reference/course_keras.py classifier --seed 1 --epochs 3
    nice -n 19 /work/main/.venv-tf/bin/python scripts/reference/course_keras.py translator --seed 1 --epochs 20

The pipelines, step by step as the notebook does them (nbrun's Tokenizer is Keras's legacy
Tokenizer, which Keras 3 still ships as keras.src.legacy.preprocessing.text.Tokenizer; nbrun's
tests check it against that class):

classifier
    reviews-train.tsv / reviews-test.tsv: `label<TAB>text`, the committed 80/20 split.
    Tokenizer(numWords: 10000) (Keras's default filters, lower case) fitted on the training texts;
    sequences padded and cut at the front (Keras's defaults) to 50 ids; labels as float32.
    Embedding(10000, 128, mask_zero) -> Bidirectional(LSTM(64, dropout 0.5, sequences))
    -> Bidirectional(LSTM(64, dropout 0.5, sequences, state)) -> Bahdanau attention(64) over the
    sequence with the concatenated forward/backward h as query -> Dense(20, relu) -> Dropout(0.5)
    -> Dense(1, sigmoid); Adam(0.001), binary cross-entropy, accuracy, batch 256, fit with
    validation_data = the test set, then evaluate on it.
translator
    verses-train.tsv / verses-test.tsv: `reference<TAB>english<TAB>spanish`.
    Each side cleaned as the course's preprocess (lower case, a space around ? . ! , ¿ ¡, every run
    of other non-letters one space, trimmed; Spanish wrapped in <start> ... <end>); only the pairs
    whose cleaned sides have at most 16 tokens each (Spanish counting <start> and <end>) are used.
    Tokenizer(filters: "", numWords: 1000, oovToken: "<unk>") per language, fitted on the training
    pairs used; ids padded at the end to 16.
    Encoder: Embedding(1000, 64) -> GRU(128, sequences, state). Decoder step: Bahdanau attention
    (128) over the encoder's outputs with the previous state as query, [context; embedded token]
    -> GRU(128, state, initial state = previous state) -> Dense(1000) logits. The first state is
    the encoder's last state. Teacher forcing over the 15 steps; the loss is the sparse categorical
    cross-entropy from logits averaged over the real (non-zero) target tokens of the batch; Adam
    (0.005); batch 64, shuffled each epoch; 20 epochs.
    (The sizes are the notebook's, chosen to learn within its time budget: at units 256, embedding
    128, 2,000 words and Adam(0.001), 10 epochs gave a BLEU of 0.00. --units, --embedding,
    --vocabulary, --length, --batch and --learning-rate override them.) Then greedy decoding (at most 15 tokens, stop at
    <end>) of every test pair and corpus BLEU-4 of the decoded words against the cleaned reference
    words (without <start>/<end>; words beyond the vocabulary stay in the reference, <unk> in a
    hypothesis never matches): NLTK's corpus_bleu with uniform weights and no smoothing, the
    brevity penalty exp(1 - r/c) when the hypotheses are shorter.
"""
import argparse
import math
import os
import re
import resource
import sys
import time
from collections import Counter

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402
from keras import layers  # noqa: E402
from keras.src.legacy.preprocessing.text import Tokenizer  # noqa: E402
from keras.utils import pad_sequences  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "notebooks", "data"))


def read_tsv(name, columns):
    rows = []
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != columns:
                sys.exit(f"{name}:{number}: {len(fields)} fields, expected {columns}")
            rows.append(fields)
    return rows


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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


# MARK: - Classifier

def classifier(args):
    train, test = read_tsv("reviews-train.tsv", 2), read_tsv("reviews-test.tsv", 2)
    tokenizer = Tokenizer(num_words=args.vocabulary)
    tokenizer.fit_on_texts([t for _, t in train])
    x_train = pad_sequences(tokenizer.texts_to_sequences([t for _, t in train]), maxlen=args.length)
    x_test = pad_sequences(tokenizer.texts_to_sequences([t for _, t in test]), maxlen=args.length)
    y_train = np.array([float(l) for l, _ in train], dtype=np.float32)
    y_test = np.array([float(l) for l, _ in test], dtype=np.float32)
    print(f"reviews: train {x_train.shape} ({int(y_train.sum())} fresh), test {x_test.shape} ({int(y_test.sum())} fresh); "
          f"{len(tokenizer.word_index)} words, ids below {args.vocabulary} kept")
    print("first test review:", test[0][1])
    print("its ids:", x_test[0].tolist())

    inputs = keras.Input(shape=(args.length,), dtype="int32")
    embedded = layers.Embedding(args.vocabulary, 128, mask_zero=True)(inputs)
    sequence = layers.Bidirectional(layers.LSTM(64, dropout=0.5, return_sequences=True))(embedded)
    sequence, forward_h, forward_c, backward_h, backward_c = layers.Bidirectional(
        layers.LSTM(64, dropout=0.5, return_sequences=True, return_state=True))(sequence)
    state_h = layers.Concatenate()([forward_h, backward_h])
    context, _ = Bahdanau(64)(sequence, state_h)
    hidden = layers.Dropout(0.5)(layers.Dense(20, activation="relu")(context))
    outputs = layers.Dense(1, activation="sigmoid")(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(), loss="binary_crossentropy", metrics=["accuracy"])
    print(f"parameters: {model.count_params()}")
    timer = EpochTimer()
    history = model.fit(x_train, y_train, epochs=args.epochs, batch_size=256, validation_data=(x_test, y_test),
                        callbacks=[timer], verbose=2)
    loss, accuracy = model.evaluate(x_test, y_test, batch_size=256, verbose=0)
    probabilities = model.predict(x_test[:5], verbose=0)[:, 0]
    for (label, text), p in zip(test[:5], probabilities):
        print(f"  {p:.3f} (label {label}) {text}")
    print("per epoch: " + ", ".join(f"{s:.1f} s" for s in timer.seconds))
    print(f"val_accuracy per epoch: {[round(v, 4) for v in history.history['val_accuracy']]}")
    print(f"RESULT classifier seed {args.seed} epochs {args.epochs}: test accuracy {accuracy:.4f}, test loss {loss:.4f}, "
          f"{np.mean(timer.seconds):.1f} s per epoch (first {timer.seconds[0]:.1f} s), peak RSS {peak_mb():.0f} MB")


# MARK: - Translator

def preprocess(sentence, start_end=False):
    s = sentence.lower()
    s = re.sub(r"([?.!,¿¡])", r" \1 ", s)
    s = re.sub(r"(?:[^\w?.!,¿¡]|[\d_])+", " ", s)  # \p{L}: word characters less digits and _
    s = s.strip()
    return f"<start> {s} <end>" if start_end else s


def corpus_bleu(hypotheses, references, max_order=4):
    matches, totals = [0] * max_order, [0] * max_order
    c = r = 0
    for hyp, ref in zip(hypotheses, references):
        c += len(hyp)
        r += len(ref)
        for n in range(1, max_order + 1):
            h = Counter(tuple(hyp[i:i + n]) for i in range(len(hyp) - n + 1))
            g = Counter(tuple(ref[i:i + n]) for i in range(len(ref) - n + 1))
            matches[n - 1] += sum(min(k, g[gram]) for gram, k in h.items())
            totals[n - 1] += max(len(hyp) - n + 1, 1)  # NLTK: at least one n-gram per hypothesis
    if c == 0 or 0 in matches:
        return 0.0, matches, totals
    brevity = 1.0 if c > r else math.exp(1 - r / c)
    return brevity * math.exp(sum(math.log(m / t) for m, t in zip(matches, totals)) / max_order), matches, totals


def verse_pairs(name, length=16):
    """(english, spanish, reference) cleaned, for the pairs of at most `length` tokens each side."""
    rows = [(preprocess(e), preprocess(s, True), ref) for ref, e, s in read_tsv(name, 3)]
    return [p for p in rows if len(p[0].split(" ")) <= length and len(p[1].split(" ")) <= length]


def translator(args):
    train, test = verse_pairs("verses-train.tsv", args.length), verse_pairs("verses-test.tsv", args.length)
    english = Tokenizer(filters="", num_words=args.vocabulary, oov_token="<unk>")
    spanish = Tokenizer(filters="", num_words=args.vocabulary, oov_token="<unk>")
    english.fit_on_texts([e for e, _, _ in train])
    spanish.fit_on_texts([s for _, s, _ in train])

    def ids(tokenizer, texts):
        return pad_sequences(tokenizer.texts_to_sequences(texts), maxlen=args.length, padding="post")

    src_train, tgt_train = ids(english, [e for e, _, _ in train]), ids(spanish, [s for _, s, _ in train])
    src_test = ids(english, [e for e, _, _ in test])
    print(f"verse pairs of at most {args.length} tokens: train {len(train)}, test {len(test)}; "
          f"words: English {len(english.word_index)}, Spanish {len(spanish.word_index)}, ids below {args.vocabulary} kept")
    print("first training pair:", train[0][0], "|", train[0][1])
    print("its ids:", src_train[0].tolist(), tgt_train[0].tolist())

    units, embedding = args.units, args.embedding
    vocabulary = args.vocabulary

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
            return self.output_layer(tf.reshape(sequence, (-1, sequence.shape[2]))), state, weights

    encoder, decoder = Encoder(), Decoder()
    optimizer = keras.optimizers.Adam(args.learning_rate)
    steps = args.length - 1

    @tf.function
    def train_step(source, target):
        with tf.GradientTape() as tape:
            encoder_output, state = encoder(source)
            logits = []
            for t in range(steps):
                step_logits, state, _ = decoder(target[:, t:t + 1], state, encoder_output)
                logits.append(step_logits)
            logits = tf.stack(logits, axis=1)                       # (batch, steps, vocabulary)
            labels = target[:, 1:]
            mask = tf.cast(labels != 0, tf.float32)
            ce = keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)
            loss = tf.reduce_sum(ce * mask) / tf.reduce_sum(mask)
        variables = encoder.trainable_variables + decoder.trainable_variables
        gradients = tape.gradient(loss, variables)
        if args.dense_gradients:  # sum each embedding row's repeated slices first, as nbrun does
            gradients = [tf.convert_to_tensor(g) for g in gradients]
        optimizer.apply_gradients(zip(gradients, variables))
        return loss

    rng = np.random.default_rng(args.seed)
    seconds = []
    for epoch in range(args.epochs):
        start = time.perf_counter()
        order = rng.permutation(len(src_train))
        losses = []
        for b in range(0, len(order), args.batch):
            batch = order[b:b + args.batch]
            losses.append(float(train_step(tf.constant(src_train[batch]), tf.constant(tgt_train[batch]))))
        seconds.append(time.perf_counter() - start)
        print(f"epoch {epoch + 1}/{args.epochs}: loss {np.mean(losses):.4f} ({seconds[-1]:.1f} s)", flush=True)

    start_id, end_id = spanish.word_index["<start>"], spanish.word_index["<end>"]

    @tf.function
    def greedy(source):
        encoder_output, state = encoder(source)
        token = tf.fill((tf.shape(source)[0], 1), start_id)
        out = []
        for _ in range(steps):
            logits, state, _ = decoder(token, state, encoder_output)
            token = tf.cast(tf.argmax(logits, axis=-1, output_type=tf.int32)[:, None], tf.int32)
            out.append(token[:, 0])
        return tf.stack(out, axis=1)

    hypotheses = []
    for b in range(0, len(src_test), 256):
        for row in greedy(tf.constant(src_test[b:b + 256])).numpy().tolist():
            words = []
            for i in row:
                if i == end_id:
                    break
                words.append(spanish.index_word.get(i, "<unk>") if i != 0 else "<pad>")
            hypotheses.append(words)
    references = [s.split(" ")[1:-1] for _, s, _ in test]
    bleu, matches, totals = corpus_bleu(hypotheses, references)
    for (e, s, ref), h in list(zip(test, hypotheses))[:5]:
        print(f"  {ref}: {e}\n    reference: {' '.join(s.split(' ')[1:-1])}\n    greedy:    {' '.join(h)}")
    print("n-gram precisions: " + ", ".join(f"{m}/{t}" for m, t in zip(matches, totals)))
    print(f"RESULT translator seed {args.seed} epochs {args.epochs}{' dense gradients' if args.dense_gradients else ''}: BLEU-4 {100 * bleu:.2f}, final loss {np.mean(losses):.4f}, "
          f"{np.mean(seconds):.1f} s per epoch (first {seconds[0]:.1f} s), peak RSS {peak_mb():.0f} MB")


TRANSLATOR = dict(vocabulary=1000, length=16, units=128, embedding=64, batch=64, learning_rate=0.005)


def main():
    parser = argparse.ArgumentParser(description="the course's models in Keras 3 on notebooks/data")
    parser.add_argument("model", choices=["classifier", "translator"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=None, help="default: 3 (classifier), 10 (translator)")
    parser.add_argument("--threads", type=int, default=2, help="TensorFlow's intra-op threads (default 2)")
    for name, kind in (("length", int), ("vocabulary", int), ("units", int), ("embedding", int), ("batch", int),
                       ("learning-rate", float)):
        parser.add_argument(f"--{name}", type=kind, default=None, help="translator: override the course's setting")
    parser.add_argument("--dense-gradients", action="store_true",
                        help="translator: give Adam the embeddings' gradients as dense tables (nbrun's update; "
                             "Keras squares each repeated row's slice separately in Adam's second moment)")
    args = parser.parse_args()
    tf.config.threading.set_intra_op_parallelism_threads(args.threads)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    keras.utils.set_random_seed(args.seed)
    if args.model == "classifier":
        args.epochs = args.epochs or 3
        args.vocabulary, args.length = 10000, 50
        classifier(args)
    else:
        args.epochs = args.epochs or 20
        for name, value in TRANSLATOR.items():
            if getattr(args, name) is None:
                setattr(args, name, value)
        translator(args)


if __name__ == "__main__":
    main()

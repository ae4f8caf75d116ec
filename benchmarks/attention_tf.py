"""The attention notebook's walkthrough in TensorFlow/Keras, for benchmarks/notebook.sh.

It does what notebooks/attention.md does, at the same sizes: the LSTM encoder and decoder
(vocabulary 30000, embedding 256, LSTM 512, batch 1, length 3), dot-product attention on small
tensors, Bahdanau (512 -> 100 over 10 steps) and Luong attention, the bidirectional LSTM with
attention and its summary, then the translator: cleaning and tokenizing the sample sentences,
the GRU encoder (batch 64, length 30, embedding 512, units 1024) and the attention decoder.
"""
import os
import re
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import tensorflow as tf  # noqa: E402
from keras.utils import pad_sequences  # noqa: E402

layers = tf.keras.layers
tf.random.set_seed(42)
here = os.path.dirname(os.path.abspath(__file__))

# 1. Encoder and decoder
vocab, emb, units, batch, length = 30000, 256, 512, 1, 3
embedding = layers.Embedding(vocab, emb)
lstm = layers.LSTM(units)
x = tf.zeros((batch, length))
print("input:", x.shape)
e = embedding(x)
print("after Embedding:", e.shape)
context = lstm(e)
print("LSTM output (the context vector):", context.shape)

d_embedding = layers.Embedding(vocab, emb)
d_lstm = layers.LSTM(units, return_sequences=True)
d_fc = layers.Dense(vocab)
de = d_embedding(x)
rep = tf.repeat(tf.expand_dims(context, 1), repeats=x.shape[1], axis=1)
joined = tf.concat([de, rep], axis=-1)
print("with the context vector:", joined.shape)
states = d_lstm(joined)
print("LSTM output:", states.shape)
logits = d_fc(states)
print("decoder output:", logits.shape)
probabilities = tf.nn.softmax(logits, axis=-1)
print("each step sums to one:", tf.reduce_sum(probabilities, axis=-1).numpy())

# 2. Dot-product attention
h = tf.random.uniform((1, 4, 3))
s = tf.random.uniform((1, 3))
scores = tf.squeeze(tf.matmul(h, tf.expand_dims(s, -1)), -1)
alpha = tf.nn.softmax(scores)
a = tf.reduce_sum(tf.expand_dims(alpha, -1) * h, axis=1)
joined = tf.concat([a, s], axis=-1)
y = layers.Dense(5, activation="softmax")(layers.Dense(3, activation="tanh")(joined))
print("y^_t:", y.numpy())


# 3. Bahdanau and 4. Luong
class Bahdanau(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.w_dec, self.w_enc, self.w_com = layers.Dense(units), layers.Dense(units), layers.Dense(1)

    def call(self, enc, dec):
        keys = self.w_enc(enc)
        query = self.w_dec(tf.expand_dims(dec, 1))
        score = self.w_com(tf.nn.tanh(query + keys))
        weights = tf.nn.softmax(score, axis=1)
        return tf.reduce_sum(weights * enc, axis=1), weights


c, w = Bahdanau(100)(tf.random.uniform((1, 10, 512)), tf.random.uniform((1, 512)))
print("Bahdanau weights:", w.shape, c.shape)
wc = layers.Dense(512)
enc = tf.random.uniform((1, 10, 512))
score = tf.matmul(wc(enc), tf.transpose(tf.expand_dims(tf.random.uniform((1, 512)), 1), [0, 2, 1]))
weights = tf.nn.softmax(score, axis=1)
print("Luong weights:", weights.shape)

# 5. Bidirectional LSTM with attention
inp = tf.keras.Input(shape=(500,), dtype="int32")
emb_seq = layers.Embedding(10000, 128, mask_zero=True)(inp)
l1 = layers.Bidirectional(layers.LSTM(64, dropout=0.5, return_sequences=True))(emb_seq)
l2, fh, fc, bh, bc = layers.Bidirectional(layers.LSTM(64, dropout=0.5, return_sequences=True, return_state=True))(l1)
state_h = layers.Concatenate()([fh, bh])
ctx, _ = Bahdanau(64)(l2, state_h)
out = layers.Dense(1, activation="sigmoid")(layers.Dropout(0.5)(layers.Dense(20, activation="relu")(ctx)))
model = tf.keras.Model(inputs=inp, outputs=out)
model.summary()


# 6. Translator
def preprocess(sentence, start=False, end=False):
    sentence = sentence.lower()
    sentence = re.sub(r"([?.!,¿¡])", r" \1 ", sentence)
    sentence = re.sub(r"[^\w?.!,¿¡]+|[\d_]+", " ", sentence).strip()
    if start:
        sentence = "<start> " + sentence
    if end:
        sentence += " <end>"
    return sentence


with open(os.path.join(here, "..", "notebooks", "data", "spa-eng.txt"), encoding="utf-8") as f:
    pairs = f.read().splitlines()
eng = [preprocess(p.split("\t")[0]) for p in pairs]
spa = [preprocess(p.split("\t")[1], True, True) for p in pairs]


def tokenize(corpus):
    tok = tf.keras.preprocessing.text.Tokenizer(filters="")
    tok.fit_on_texts(corpus)
    return pad_sequences(tok.texts_to_sequences(corpus), padding="post"), tok


eng_ids, eng_tok = tokenize(eng)
spa_ids, spa_tok = tokenize(spa)
print("vocabularies:", len(eng_tok.word_index), len(spa_tok.word_index))

B, T, U, E = 64, 30, 1024, 512
src_vocab, tgt_vocab = len(eng_tok.word_index) + 1, len(spa_tok.word_index) + 1
enc_out = layers.GRU(U, return_sequences=True)(layers.Embedding(src_vocab, E)(
    tf.random.uniform((B, T), 0, src_vocab, dtype=tf.int32)))
print("encoder output:", enc_out.shape)
attention = Bahdanau(U)
state = tf.random.uniform((B, U))
context, weights = attention(enc_out, state)
tokens = tf.random.uniform((B, 1), 0, tgt_vocab, dtype=tf.int32)
x = tf.concat([tf.expand_dims(context, 1), layers.Embedding(tgt_vocab, E)(tokens)], axis=-1)
seq, new_state = layers.GRU(U, return_sequences=True, return_state=True)(x, initial_state=state)
logits = layers.Dense(tgt_vocab)(tf.reshape(seq, (-1, seq.shape[2])))
print("decoder logits:", logits.shape, "state:", new_state.shape, "attention:", weights.shape)
sys.stdout.flush()

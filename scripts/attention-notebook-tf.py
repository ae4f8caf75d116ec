"""notebooks/attention.md cell by cell in TensorFlow/Keras, printing what the notebook prints
whose value does not depend on random numbers: every shape line, vocabulary sizes, the cleaned
sentences, the token ids and model.summary(). Layers are created in the notebook's order, so
Keras generates the same names. nbrun's output for the notebook must match these lines.

Run: /work/wt/.venv-tf/bin/python scripts/attention-notebook-tf.py > /tmp/attention-tf.txt
"""
import os
import re

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from keras.utils import pad_sequences  # noqa: E402

layers = tf.keras.layers
here = os.path.dirname(os.path.abspath(__file__))
T = tuple  # shapes print as Python tuples, e.g. (1, 3)


def shape(x):
    return T(x.shape)


print("## encoder")
vocabularySize, embeddingSize, lstmSize, batchSize, sequenceLength = 30000, 256, 512, 1, 3


class Encoder(layers.Layer):
    def __init__(self, vocabularySize, embeddingSize, units):
        super().__init__()
        self.embedding = layers.Embedding(vocabularySize, embeddingSize)
        self.lstm = layers.LSTM(units)

    def call(self, tokens):
        print("input:", shape(tokens))
        embedded = self.embedding(tokens)
        print("after Embedding:", shape(embedded))
        output = self.lstm(embedded)
        print("LSTM output (the context vector):", shape(output))
        return output


encoder = Encoder(vocabularySize, embeddingSize, lstmSize)
contextVector = encoder(tf.zeros((batchSize, sequenceLength)))

print("## decoder")


class Decoder(layers.Layer):
    def __init__(self, vocabularySize, embeddingSize, units):
        super().__init__()
        self.softmax = layers.Softmax(axis=-1)  # a default-valued property: made first in Swift
        self.embedding = layers.Embedding(vocabularySize, embeddingSize)
        self.lstm = layers.LSTM(units, return_sequences=True)
        self.out = layers.Dense(vocabularySize)

    def call(self, tokens, context):
        print("input:", shape(tokens))
        embedded = self.embedding(tokens)
        print("after Embedding:", shape(embedded))
        repeated = tf.repeat(tf.expand_dims(context, 1), tokens.shape[1], axis=1)
        joined = tf.concat([embedded, repeated], axis=-1)
        print("with the context vector:", shape(joined))
        states = self.lstm(joined)
        print("LSTM output:", shape(states))
        logits = self.out(states)
        print("decoder output:", shape(logits))
        return self.softmax(logits)


decoder = Decoder(vocabularySize, embeddingSize, lstmSize)
probabilities = decoder(tf.zeros((batchSize, sequenceLength)), contextVector)
print("each step sums to one: shape", shape(tf.reduce_sum(probabilities, axis=-1)))

print("## dot-product attention")
encoderStates = tf.random.uniform((1, 4, 3))
decoderState = tf.random.uniform((1, 3))
scores = tf.squeeze(tf.matmul(encoderStates, tf.expand_dims(decoderState, -1)), -1)
print("e^t: shape", shape(scores))
alpha = tf.nn.softmax(scores)
attentionValue = tf.reduce_sum(tf.expand_dims(alpha, -1) * encoderStates, axis=1)
print("a_t: shape", shape(attentionValue))
joined = tf.concat([attentionValue, decoderState], axis=-1)
print("[a_t ; s_t]:", shape(joined))
combine = layers.Dense(3, activation="tanh")
predict = layers.Dense(5, activation="softmax")
attentional = combine(joined)
prediction = predict(attentional)
print("s~_t:", shape(attentional))
print("y^_t: shape", shape(prediction))
try:
    tf.matmul(encoderStates, decoderState)
except Exception as e:  # the notebook's shape-error cell
    print("shape-error:", type(e).__name__)


class BahdanauAttention(layers.Layer):
    def __init__(self, units, verbose=True):
        super().__init__()
        self.wCombine = layers.Dense(1)  # a default-valued property: made first in Swift
        self.wDecoder = layers.Dense(units)
        self.wEncoder = layers.Dense(units)
        self.verbose = verbose

    def call(self, encoderStates, decoderState):
        keys = self.wEncoder(encoderStates)
        query = self.wDecoder(tf.expand_dims(decoderState, 1))
        score = self.wCombine(tf.nn.tanh(query + keys))
        weights = tf.nn.softmax(score, axis=1)
        context = tf.reduce_sum(weights * encoderStates, axis=1)
        if self.verbose:
            print("H_encoder:", shape(encoderStates))
            print("W_encoder H_encoder:", shape(keys))
            print("H_decoder:", shape(decoderState))
            print("W_decoder H_decoder:", shape(query))
            print("score:", shape(score))
            print("context vector:", shape(context))
        return context, weights


print("## bahdanau-run")
bahdanau = BahdanauAttention(100)
bahdanauContext, bahdanauWeights = bahdanau(tf.random.uniform((1, 10, 512)), tf.random.uniform((1, 512)))
print("weights: shape", shape(bahdanauWeights))

print("## luong")


class LuongAttention(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.wCombine = layers.Dense(units)

    def call(self, encoderStates, decoderState):
        print("H_encoder:", shape(encoderStates))
        keys = self.wCombine(encoderStates)
        print("W H_encoder:", shape(keys))
        query = tf.expand_dims(decoderState, 1)
        score = tf.matmul(keys, tf.transpose(query, [0, 2, 1]))
        print("score:", shape(score))
        weights = tf.nn.softmax(score, axis=1)
        context = tf.squeeze(tf.matmul(tf.transpose(weights, [0, 2, 1]), encoderStates), 1)
        print("context vector:", shape(context))
        return context, weights


luong = LuongAttention(512)
luongContext, luongWeights = luong(tf.random.uniform((1, 10, 512)), tf.random.uniform((1, 512)))
print("weights: shape", shape(luongWeights))

print("## sentiment-model")
review = tf.keras.Input(shape=(500,), dtype="int32")
embeddedReview = layers.Embedding(10000, 128, mask_zero=True)(review)
firstLSTM = layers.Bidirectional(layers.LSTM(64, return_sequences=True, dropout=0.5))(embeddedReview)
sequence, forwardH, forwardC, backwardH, backwardC = layers.Bidirectional(
    layers.LSTM(64, return_sequences=True, return_state=True, dropout=0.5))(firstLSTM)
print(shape(sequence), shape(forwardH), shape(forwardC), shape(backwardH), shape(backwardC))
stateH = layers.Concatenate()([forwardH, backwardH])
stateC = layers.Concatenate()([forwardC, backwardC])
reviewAttention = BahdanauAttention(64, verbose=False)
reviewContext, reviewWeights = reviewAttention(sequence, stateH)
hidden = layers.Dense(20, activation="relu")(reviewContext)
dropped = layers.Dropout(0.5)(hidden)
sentiment = layers.Dense(1, activation="sigmoid")(dropped)
model = tf.keras.Model(inputs=review, outputs=sentiment)
print("## sentiment-summary")
model.summary(line_length=76)

print("## clean")


def preprocess(sentence, startToken=False, endToken=False):
    s = sentence.lower()
    s = re.sub(r"([?.!,¿¡])", r" \1 ", s)
    s = re.sub(r"[^\w?.!,¿¡]+|[\d_]+", " ", s)  # letters: \p{L} in the notebook
    s = s.strip(" ")
    if startToken:
        s = "<start> " + s
    if endToken:
        s += " <end>"
    return s


with open(os.path.join(here, "..", "notebooks", "data", "spa-eng.txt"), encoding="utf-8") as f:
    pairs = f.read().splitlines()
englishCorpus = [preprocess(p.split("\t")[0]) for p in pairs]
spanishCorpus = [preprocess(p.split("\t")[1], True, True) for p in pairs]
print("pairs:", len(pairs))
print("English:", englishCorpus[7])
print("Spanish:", spanishCorpus[7])

print("## tokenize")


def tokenize(corpus):
    tokenizer = tf.keras.preprocessing.text.Tokenizer(filters="")
    tokenizer.fit_on_texts(corpus)
    return pad_sequences(tokenizer.texts_to_sequences(corpus), padding="post"), tokenizer


englishIDs, englishTokenizer = tokenize(englishCorpus)
spanishIDs, spanishTokenizer = tokenize(spanishCorpus)
print("English ids:", englishIDs.shape, " Spanish ids:", spanishIDs.shape)
print("English vocabulary:", len(englishTokenizer.word_index))
print("Spanish vocabulary:", len(spanishTokenizer.word_index))
print(englishCorpus[0], "->", np.asarray(englishIDs[0], dtype=np.int32))
n = englishIDs.shape[0]
test = int(np.ceil(0.2 * n))
print("train:", (n - test, englishIDs.shape[1]), (n - test, spanishIDs.shape[1]),
      " test:", (test, englishIDs.shape[1]), (test, spanishIDs.shape[1]))

print("## gru-encoder")
translationBatch, translationLength, units, translationEmbedding = 64, 30, 1024, 512
sourceVocabulary = len(englishTokenizer.word_index) + 1


class TranslationEncoder(layers.Layer):
    def __init__(self, vocabularySize, embeddingSize, units):
        super().__init__()
        self.embedding = layers.Embedding(vocabularySize, embeddingSize)
        self.gru = layers.GRU(units, return_sequences=True)

    def call(self, tokens):
        return self.gru(self.embedding(tokens))


translationEncoder = TranslationEncoder(sourceVocabulary, translationEmbedding, units)
sourceBatch = tf.random.uniform((translationBatch, translationLength), 0, sourceVocabulary, dtype=tf.int32)
encoderOutput = translationEncoder(sourceBatch)
print("encoder output:", shape(encoderOutput))

print("## gru-decoder")


class TranslationDecoder(layers.Layer):
    def __init__(self, vocabularySize, embeddingSize, units):
        super().__init__()
        self.embedding = layers.Embedding(vocabularySize, embeddingSize)
        self.gru = layers.GRU(units, return_sequences=True, return_state=True)
        self.out = layers.Dense(vocabularySize)
        self.attention = BahdanauAttention(units, verbose=False)

    def call(self, tokens, state, encoderOutput):
        context, weights = self.attention(encoderOutput, state)
        embedded = self.embedding(tokens)
        x = tf.concat([tf.expand_dims(context, 1), embedded], axis=-1)
        sequence, newState = self.gru(x, initial_state=state)
        logits = self.out(tf.reshape(sequence, (-1, sequence.shape[2])))
        return logits, newState, weights


targetVocabulary = len(spanishTokenizer.word_index) + 1
translationDecoder = TranslationDecoder(targetVocabulary, translationEmbedding, units)
startTokens = tf.random.uniform((translationBatch, 1), 0, targetVocabulary, dtype=tf.int32)
sampleState = tf.random.uniform((translationBatch, units))
logits, nextState, attentionWeights = translationDecoder(startTokens, sampleState, encoderOutput)
print("decoder logits:", shape(logits))
print("decoder state:", shape(nextState))
print("attention weights:", shape(attentionWeights))

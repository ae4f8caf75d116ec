"""Training benchmark (issue 13): the same model on the same batches, in nbrun and in Keras 3 on
TensorFlow CPU, rounds interleaved; prints seconds per epoch, peak memory and final loss of both,
and their ratios (above 1: nbrun is faster, or smaller).

    python benchmarks/training.py NBRUN ROUNDS EPOCHS     (run by benchmarks/training.sh)

(a) the course's classifier at its own sizes: Embedding(10,000, 128, maskZero) -> two
    Bidirectional LSTM(64, dropout 0.5) -> Bahdanau attention(64) -> Dense(20, relu) ->
    Dropout(0.5) -> Dense(1, sigmoid); Adam, binary crossentropy, batch 256, `fit` with
    shuffle off and validation data, on 10,000 sequences of 50 ids (validation: 2,562 more).
(b) a GRU encoder-decoder with Bahdanau attention (units 256, embedding 128, 2,000 words each
    side, 16 source steps, 15 decoder steps from 16 target tokens, batch 64, 32 batches an epoch)
    in a custom loop: nbrun's valueWithGradient + optimizer.update, Keras's GradientTape +
    apply_gradients in a tf.function.
The data are random ids with a learnable rule (seeded); nbrun reads the same .npy files.
Seconds per epoch: each side's own clock around the epoch (nbrun: the duration of the cell that
runs it; Keras: a callback or the loop). Peak memory: the process's largest resident set (wait4),
so both include their runtime (TensorFlow's libraries, nbrun's interpreter).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

CLASSIFIER = '''# Training benchmark: the classifier

```swift id=data
let x = Tensor<Int32>(numpyFile: "cls_x.npy")
let y = Tensor(numpyFile: "cls_y.npy")
let vx = Tensor<Int32>(numpyFile: "cls_vx.npy")
let vy = Tensor(numpyFile: "cls_vy.npy")
```

```swift id=model
struct BahdanauAttention: Layer {
    var wDecoder: Dense
    var wEncoder: Dense
    var wCombine = Dense(units: 1)

    init(units: Int) {
        wDecoder = Dense(units: units)
        wEncoder = Dense(units: units)
    }

    func callAsFunction(_ encoderStates: Tensor, _ decoderState: Tensor) -> (context: Tensor, weights: Tensor) {
        let keys = wEncoder(encoderStates)
        let query = wDecoder(decoderState.expandingShape(at: 1))
        let score = wCombine(tanh(query + keys))
        let weights = softmax(score, alongAxis: 1)
        return ((weights * encoderStates).sum(squeezingAxes: 1), weights)
    }
}

let review = Input(shape: [x.shape[1]], dtype: .int32)
let embedded = Embedding(vocabularySize: 10000, embeddingSize: 128, maskZero: true)(review)
let first = Bidirectional(LSTM(units: 64, returnSequences: true, dropout: 0.5))(embedded)
let (sequence, forwardH, _, backwardH, _) =
    Bidirectional(LSTM(units: 64, returnSequences: true, returnState: true, dropout: 0.5))(first)
let (context, _) = BahdanauAttention(units: 64)(sequence, Concatenate()([forwardH, backwardH]))
let hidden = Dropout(rate: 0.5)(Dense(units: 20, activation: .relu)(context))
let model = Model(inputs: review, outputs: Dense(units: 1, activation: .sigmoid)(hidden))
model.compile(optimizer: Adam(), loss: .binaryCrossentropy, metrics: [.accuracy])
```
'''

CLASSIFIER_EPOCH = '''
```swift id=epoch-{n} timeout=3600
let history{n} = model.fit(x, y, epochs: 1, batchSize: 256, shuffle: false, validationData: (vx, vy))
print("LOSS", history{n}["loss"]![0])
```
'''

TRANSLATOR = '''# Training benchmark: the translator

```swift id=data
let src = Tensor<Int32>(numpyFile: "s2s_src.npy")
let tgtIn = Tensor<Int32>(numpyFile: "s2s_tgt_in.npy")
let tgtOut = Tensor<Int32>(numpyFile: "s2s_tgt_out.npy")
let mask = Tensor(numpyFile: "s2s_mask.npy")
let batches = src.shape[0]
let steps = tgtIn.shape[1]
```

```swift id=model
struct BahdanauAttention: Layer {
    var wDecoder: Dense
    var wEncoder: Dense
    var wCombine = Dense(units: 1)

    init(units: Int) {
        wDecoder = Dense(units: units)
        wEncoder = Dense(units: units)
    }

    func callAsFunction(_ encoderStates: Tensor, _ decoderState: Tensor) -> (context: Tensor, weights: Tensor) {
        let keys = wEncoder(encoderStates)
        let query = wDecoder(decoderState.expandingShape(at: 1))
        let score = wCombine(tanh(query + keys))
        let weights = softmax(score, alongAxis: 1)
        return ((weights * encoderStates).sum(squeezingAxes: 1), weights)
    }
}

struct Encoder: Layer {
    var embedding = Embedding(vocabularySize: 2000, embeddingSize: 128)
    var gru = GRU(units: 256, returnSequences: true, returnState: true)

    func callAsFunction(_ tokens: Tensor<Int32>) -> (Tensor, Tensor) {
        let (sequence, state) = gru(embedding(tokens))
        return (sequence, state)
    }
}

struct Decoder: Layer {
    var embedding = Embedding(vocabularySize: 2000, embeddingSize: 128)
    var gru = GRU(units: 256, returnSequences: true, returnState: true)
    var output = Dense(units: 2000)
    var attention = BahdanauAttention(units: 256)

    func callAsFunction(_ tokens: Tensor<Int32>, _ state: Tensor, _ encoderOutput: Tensor) -> (Tensor, Tensor) {
        let (context, _) = attention(encoderOutput, state)
        let input = Tensor(concatenating: [context.expandingShape(at: 1), embedding(tokens)], alongAxis: -1)
        let (sequence, newState) = gru(input, initialState: state)
        return (output(sequence.reshaped(to: [-1, sequence.shape[2]])), newState)
    }
}

var encoder = Encoder()
var decoder = Decoder()
let optimizer = Adam()

func loss(_ encoder: Encoder, _ decoder: Decoder, _ b: Int) -> Tensor {
    var (encoderOutput, state) = encoder(src[b])
    let targetIn = tgtIn[b]
    var logits: [Tensor] = []
    for t in 0..<steps {
        let (stepLogits, newState) = decoder(targetIn[t], state, encoderOutput)
        logits.append(stepLogits)
        state = newState
    }
    let weights = mask[b]
    let all = Tensor(stacking: logits, alongAxis: 1)
    return sparseCategoricalCrossentropy(logits: all, labels: tgtOut[b], mask: weights) * Float(weights.scalarCount) / weights.sum()
}

func trainEpoch() -> Float {
    var total: Float = 0
    for b in 0..<batches {
        let (value, (ge, gd)) = valueWithGradient(at: encoder, decoder) { e, d -> Tensor in loss(e, d, b) }
        optimizer.update(&encoder, along: ge)
        optimizer.update(&decoder, along: gd)
        total += value.scalar
    }
    return total / Float(batches)
}
_ = loss(encoder, decoder, 0)  // builds the layers
```
'''

TRANSLATOR_EPOCH = '''
```swift id=epoch-{n} timeout=3600
print("LOSS", trainEpoch())
```
'''


def write_data(folder, quick):
    rng = np.random.default_rng(13)
    n, vn = (10000, 2562) if not quick else (512, 256)

    def reviews(count):
        lengths = rng.integers(10, 51, size=count)
        x = np.zeros((count, 50), dtype=np.int32)
        y = np.zeros((count, 1), dtype=np.float32)
        for i, length in enumerate(lengths):
            ids = rng.integers(1, 10000, size=length)
            x[i, 50 - length:] = ids  # padded at the front, as pad_sequences does
            y[i, 0] = float((ids < 3000).mean() > 0.3)
        return x, y

    x, y = reviews(n)
    vx, vy = reviews(vn)
    for name, a in [("cls_x", x), ("cls_y", y), ("cls_vx", vx), ("cls_vy", vy)]:
        np.save(f"{folder}/{name}.npy", a)
    batches, batch, length = (32, 64, 16) if not quick else (3, 64, 16)
    src = np.zeros((batches, batch, length), dtype=np.int32)
    tgt = np.zeros((batches, batch, length), dtype=np.int32)
    for b in range(batches):
        for i in range(batch):
            k = int(rng.integers(4, length - 1))
            words = rng.integers(3, 2000, size=k)
            src[b, i, :k] = words
            # Target: <start>=1, the source's words mapped (a learnable rule), <end>=2, padding after.
            tgt[b, i, 0], tgt[b, i, 1:k + 1], tgt[b, i, k + 1] = 1, (words * 7) % 1997 + 3, 2
    tgt_in = np.ascontiguousarray(tgt[:, :, :-1].transpose(0, 2, 1)[..., None])  # (batches, 15, 64, 1)
    tgt_out = np.ascontiguousarray(tgt[:, :, 1:])                                   # (batches, 64, 15)
    np.save(f"{folder}/s2s_src.npy", src)
    np.save(f"{folder}/s2s_tgt_in.npy", tgt_in)
    np.save(f"{folder}/s2s_tgt_out.npy", tgt_out)
    np.save(f"{folder}/s2s_mask.npy", (tgt_out != 0).astype(np.float32))


def measured(cmd, env=None):
    """Runs cmd; returns (its standard output, its peak resident memory in MB), from wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{' '.join(cmd)}: exit status {os.waitstatus_to_exitcode(status)}\n{err.read().decode(errors='replace')[-3000:]}")
        return out.read().decode(), usage.ru_maxrss / 1024


def run_nbrun(nbrun, notebook):
    """Runs the notebook in one nbrun worker (the process that trains: `nbrun --worker`, whose
    events give each cell's duration and printed text)."""
    # The environment nbrun gives its workers (WorkerPool.workerEnvironment), for one notebook.
    env = dict(os.environ)
    cores = str(os.cpu_count() or 1)
    env.setdefault("OPENBLAS_NUM_THREADS", cores)
    env.setdefault("NBRUN_TENSOR_THREADS", cores)
    env.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")
    with open("/proc/cpuinfo") as info:
        flags = next((line.split() for line in info if line.startswith("flags")), [])
    if "avx2" in flags and "fma" in flags:
        env.setdefault("OPENBLAS_CORETYPE", "Haswell")
    out, peak = measured([nbrun, "--worker", notebook, "--memory-limit", str(8 << 30)], env)
    seconds, losses = [], []
    for line in out.splitlines():
        event = json.loads(line)
        if "finished" not in event:
            continue
        run = event["finished"]["run"]
        result = run.get("result") or {}
        if run["outcome"] != "passed":
            sys.exit(f"nbrun: cell {event['finished']['cell'] + 1} {run['outcome']}: {json.dumps(result)[:3000]}")
        text = "".join(json.dumps(o) for o in result.get("outputs", []))
        if "LOSS " in text:
            seconds.append(result["duration"])
            losses.append(float(text.split("LOSS ")[1].split("\\n")[0].split()[0].strip('"')))
    return {"seconds": seconds, "loss": losses[-1], "peak": peak}


def run_keras(python, model, folder, epochs):
    out, peak = measured(["nice", "-n", "10", python, os.path.join(HERE, "training_tf.py"), model, folder, str(epochs)])
    result = json.loads(out.strip().splitlines()[-1])
    result["peak"] = peak
    return result


def main():
    nbrun, python, rounds, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    quick = os.environ.get("TRAINING_BENCH_QUICK") == "1"
    which = (os.environ.get("TRAINING_BENCH_MODELS") or "classifier translator").split()
    with tempfile.TemporaryDirectory() as folder:
        write_data(folder, quick)
        notebooks = {
            "classifier": CLASSIFIER + "".join(CLASSIFIER_EPOCH.replace("{n}", str(n)) for n in range(1, epochs + 1)),
            "translator": TRANSLATOR + "".join(TRANSLATOR_EPOCH.replace("{n}", str(n)) for n in range(1, epochs + 1)),
        }
        results = {m: {"nbrun": [], "keras": []} for m in which}
        for r in range(rounds):
            for model in which:
                path = os.path.join(folder, model + ".md")
                with open(path, "w") as f:
                    f.write(notebooks[model])
                # Alternate which side goes first, so a slow stretch of the machine hits both.
                sides = [("nbrun", lambda: run_nbrun(nbrun, path)), ("keras", lambda: run_keras(python, model, folder, epochs))]
                for side, run in (sides if r % 2 == 0 else sides[::-1]):
                    result = run()
                    results[model][side].append(result)
                    print(f"round {r + 1} {model:<10} {side:<6} s/epoch {' '.join(f'{s:.2f}' for s in result['seconds'])}"
                          f"  peak {result['peak']:.0f} MB  final loss {result['loss']:.4f}", file=sys.stderr, flush=True)
        print(f"{'':<22}{'s/epoch':>9}{'peak MB':>9}{'final loss':>12}")
        for model in which:
            rows = {}
            for side in ("nbrun", "keras"):
                runs = results[model][side]
                # Each side's best epoch over all rounds (its first epoch included: no warm-up is dropped).
                rows[side] = (min(min(r["seconds"]) for r in runs), max(r["peak"] for r in runs), runs[-1]["loss"])
                label = f"{model} {'nbrun' if side == 'nbrun' else 'Keras/TF'}"
                print(f"{label:<22}{rows[side][0]:>9.2f}{rows[side][1]:>9.0f}{rows[side][2]:>12.4f}")
            (ns, nm, _), (ks, km, _) = rows["nbrun"], rows["keras"]
            print(f"{model + ' Keras / nbrun':<22}{ks / ns:>8.2f}x{km / nm:>8.2f}x")


if __name__ == "__main__":
    main()

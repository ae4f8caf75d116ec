import Foundation
import Notebook
import Reports

/// A hand-made course page for screenshots and eyeballing: prose, math, cells with printed
/// output, a `summary()` table, an attention heatmap, a loss curve and an expected error.
/// The outputs are made here (no interpreter involved); the numbers are a real softmax.
enum SampleCourse {
    static let markdown = #"""
    ---
    title: Dot-product attention
    ---

    # Dot-product attention

    A sequence-to-sequence model reads a sentence with an **encoder** and writes the translation
    with a **decoder**. Attention lets every decoder step $t$ look back at all encoder states
    $h_1, \dots, h_N$ instead of one fixed summary vector.

    ## Scores and weights

    The decoder state $s_t$ is compared with every encoder state by a dot product:

    $$e^t = [s_t^T h_1, \dots, s_t^T h_N]$$

    and the scores become weights that sum to one:

    $$\alpha^t = softmax(e^t), \qquad \alpha_i^t = \frac{\exp(e_i^t)}{\sum_{j=1}^{N} \exp(e_j^t)}$$

    The context vector is the weighted sum $a_t = \sum_{i=1}^{N} \alpha_i^t h_i$, and the output layer sees

    $$\begin{aligned} \tilde{s}_t &= \tanh\left(W_c [a_t ; s_t] + b_c\right) \\ \hat{y}_t &= \operatorname{softmax}(W_y \tilde{s}_t + b_y) \end{aligned}$$

    > With $N = 4$ source words and a state size of 3, $H = \begin{pmatrix} h_1 & h_2 & h_3 & h_4 \end{pmatrix} \in \mathbb{R}^{3 \times 4}$.

    ```swift id=shapes
    let encoder = LSTM(units: 64, returnSequences: true)
    let tokens = Tensor<Int32>(zeros: [1, 4])
    let states = encoder(Embedding(vocabularySize: 1000, embeddingSize: 32)(tokens))
    print("encoder states:", states.shape)   // one vector per source word
    ```

    ## The weights of one sentence

    ```swift id=weights
    let scores = matmul(decoderStates, states.transposed(1, 2))
    let weights = softmax(scores, axis: -1)
    heatmap(weights[0], rows: target, columns: source, title: "attention weights")
    ```

    ```swift id=model hide-source
    model.summary()
    ```

    ```swift id=training
    let history = model.fit(x, y, epochs: 8)
    linePlot(history, title: "loss per epoch")
    ```

    Shapes must agree: multiplying the keys by a state of the wrong size fails, and the page shows
    where.

    ```swift id=wrong-shape expect-error
    let score = matmul(keys, h)
    ```

    ```swift id=later
    print(weights.sum(axis: -1))
    ```
    """#

    static func notebook(path: String = "notebooks/attention.md") -> Notebook {
        let text = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
        let out = NotebookParser.parse(text: text, path: path)
        guard let notebook = out.notebook else {
            fatalError("sample notebook does not parse: \(out.diagnostics)")
        }
        return notebook
    }

    static func runs(for notebook: Notebook) -> [CellRun] {
        let source = ["the", "cat", "sat", "down"], target = ["le", "chat", "s'est", "assis"]
        // Scores with a clear diagonal (word-by-word alignment), softmaxed per row.
        let weights = (0..<4).map { i -> [Double] in
            let e = (0..<4).map { j in i == j ? 2.2 : -0.4 * Double(abs(i - j)) + 0.3 * sin(Double(3 * i + j)) }
            let m = e.max()!, z = e.map { exp($0 - m) }.reduce(0, +)
            return e.map { exp($0 - m) / z }
        }
        let summary = Table(title: "Model: \"sequential\"", columns: ["Layer (type)", "Output Shape", "Param #"], rows: [
            ["embedding (Embedding)", "(None, 4, 32)", "32,000"],
            ["lstm (LSTM)", "(None, 4, 64)", "24,832"],
            ["attention (Attention)", "(None, 4, 64)", "0"],
            ["dense (Dense)", "(None, 4, 1000)", "65,000"],
        ], footer: ["Total params: 121,832 (475.91 KB)", "Trainable params: 121,832 (475.91 KB)", "Non-trainable params: 0 (0.00 B)"], plainText: "")
        let epochs = (1...8).map(Double.init)
        let loss = LinePlot(title: "loss per epoch", xLabel: "epoch", yLabel: "loss", series: [
            .init(label: "train", x: epochs, y: epochs.map { 2.4 * exp(-0.35 * $0) + 0.3 }),
            .init(label: "validation", x: epochs, y: epochs.map { 2.3 * exp(-0.28 * $0) + 0.45 }),
        ])
        let keysLine = notebook.cells.first { $0.identity == "wrong-shape" }?.codeLocation.line ?? 1
        let error = Diagnostic("matmul: inner dimensions differ: (1, 4, 64) x (1, 32, 1)",
                               at: SourceLocation(file: notebook.path, line: keysLine, column: 13), length: 15, kind: "runtime")
        return [
            CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.text("encoder states: (1, 4, 64)\n")], duration: 0.012)),
            CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [
                .display(.figure(.heatmap(Heatmap(title: "attention weights", values: weights, rowLabels: target, columnLabels: source)))),
            ], duration: 0.004)),
            CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.display(.table(summary))], duration: 0.001)),
            CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [
                .text((1...8).map { "Epoch \($0)/8 - loss: \(String(format: "%.4f", 2.4 * exp(-0.35 * Double($0)) + 0.3))" }.joined(separator: "\n") + "\n"),
                .display(.figure(.linePlot(loss))),
            ], duration: 1.84)),
            CellRun(outcome: .expectedError, result: CellResult(status: .failed, outputs: [.error(error)], duration: 0.001)),
        ]
    }
}

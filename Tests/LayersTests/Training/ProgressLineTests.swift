// Keras's progress bar: lines keras.utils.Progbar printed under a fake clock, and the epoch
// lines model.fit printed (timings removed).
import Foundation
import Testing
import Tensors
@testable import Layers

@Suite struct ProgressLineTests {
    @Test("Progbar lines match Keras", arguments: TrainingFixtures.names("progbar"))
    func matchesKeras(_ name: String) throws {
        let entry = TrainingFixtures.named("progbar", name)
        let target = entry["target"] as! Int
        let values = (entry["values"] as! [[Any]]).map { ($0[0] as! String, ($0[1] as! NSNumber).floatValue) }
        var bar = ProgressBar(target: target, start: 1000)
        var shown = ""
        for update in entry["updates"] as! [[String: Any]] {
            let current = update["current"] as! Int
            let now = 1000 + (update["time"] as! NSNumber).doubleValue
            if let line = bar.update(current, values: values, now: now) { shown = line.plain }
            #expect(shown == update["line"] as! String, "\(name) at \(current)")
        }
    }

    @Test func numbersAndTimesAreFormattedAsKerasFormatsThem() {
        #expect(ProgressLine.number(0.56271) == "0.5627")
        #expect(ProgressLine.number(0.00042) == "4.2000e-04")
        #expect(ProgressLine.number(-0.25) == "-0.2500")
        #expect(ProgressLine.stepTime(0.301) == " 301ms/step")
        #expect(ProgressLine.stepTime(0.000517) == " 517us/step")
        #expect(ProgressLine.stepTime(72.3) == " 72s/step")
        #expect(ProgressLine.etaText(78.4) == "1:18")
        #expect(ProgressLine.etaText(9990) == "2:46:30")
        let line = "40/40 ━━━━━━━━━━━━━━━━━━━━ 12s 301ms/step - accuracy: 0.6832 - loss: 0.5627"
        #expect(ProgressLine.withoutTimings(line) == "40/40 ━━━━━━━━━━━━━━━━━━━━ - accuracy: 0.6832 - loss: 0.5627")
        let colored = ProgressLine.bar(current: 10, target: 40, colored: true)
        #expect(colored == "\u{1B}[1m10/40\u{1B}[0m \u{1B}[32m━━━━━\u{1B}[0m\u{1B}[37m━━━━━━━━━━━━━━━\u{1B}[0m")
    }

    @Test func trainingLogPrintsEpochHeadersOnlyForSeveralEpochs() {
        var clock = 0.0
        var page: [String] = [], terminal = ""
        let log = TrainingLog(now: { clock }, live: { terminal += $0 }, line: { page.append($0) })
        log.handle(.epochBegan(epoch: 1, epochs: 1, steps: 2))
        clock = 1; log.handle(.batchEnded(step: 1, steps: 2, logs: [("loss", 0.5)]))
        clock = 1.5; log.handle(.batchEnded(step: 2, steps: 2, logs: [("loss", 0.25)]))
        log.handle(.epochEnded(epoch: 1, epochs: 1, logs: [("loss", 0.25), ("val_loss", 0.75)]))
        #expect(page == ["2/2 ━━━━━━━━━━━━━━━━━━━━ 2s 500ms/step - loss: 0.2500 - val_loss: 0.7500"])
        #expect(terminal.hasPrefix("\r1/2 ━━━━━━━━━━━━━━━━━━━━ 1s 1s/step - loss: 0.5000"))
        #expect(terminal.hasSuffix("val_loss: 0.7500\n"))
    }

    @Test func theLineBeforeTheFirstStepHasNoTimings() {
        var clock = 5.0
        var shown: [(line: String, coloredLine: String, finished: Bool)] = []
        let log = TrainingLog(now: { clock }, status: { shown.append(($0.line, $0.coloredLine, $0.finished)) }, line: { _ in })
        log.handle(.epochBegan(epoch: 1, epochs: 2, steps: 40))
        clock = 6; log.handle(.batchEnded(step: 1, steps: 40, logs: [("loss", 0.5)]))
        #expect(shown.map(\.line) == [" 0/40 ━━━━━━━━━━━━━━━━━━━━",
                                      " 1/40 ━━━━━━━━━━━━━━━━━━━━ 39s 1s/step - loss: 0.5000"])
        #expect(shown[0].coloredLine == ProgressLine.bar(current: 0, target: 40, colored: true))
        #expect(shown.map(\.finished) == [false, false])
    }
}

// Functional models in cells: `Input(shape:dtype:)`, `Model(inputs:outputs:)`,
// `Sequential([...])`, `model(x)` and `model.summary()` (Keras's table, shown as a table).
import Foundation
import Layers
import Reports
import Tensors

func registerModelBindings(_ b: Builtins) {
    // `Input(shape: [500], dtype: .int32)`: a symbolic tensor whose batch size is unknown.
    b.bind("Input", [.labelled("shape"), .labelledDefault("dtype", .implicitMember(ImplicitMember(name: "float32")))]) { ctx, a in
        let dims = try a[0].array("Input(shape:)").map { d -> Int? in
            if case .none = d { return nil }
            return try d.int("Input(shape:)")
        }
        let dtype = DType(rawValue: try a[1].memberName("Input(dtype:)", allowed: ["float32", "int32"]))!
        return tensorValue(try Input(shape: dims, dtype: dtype, session: ctx.bindings.layers))
    }

    let model = b.type(NativeType(name: "Model"))
    model.describe = { v in (v as? Model).map { "<Functional name=\($0.name), built=True>" } ?? "Model" }
    model.bindInit([.labelled("inputs"), .labelled("outputs")]) { ctx, a in
        let inputs = try a[0].tensors("Model(inputs:)"), outputs = try a[1].tensors("Model(outputs:)")
        let m = try Model(inputs: inputs, outputs: outputs, session: ctx.bindings.layers)
        return .native(NativeValue(m, type: model))
    }
    func thisModel(_ v: Value) throws -> Model { try v.native(Model.self, "Model") }
    model.bindMethod("callAsFunction", [.unlabelled]) { _, a in
        let m = try thisModel(a[0])
        if case .array = a[1] { return tensorsValue(try m(try a[1].tensors("model"))) }
        let results = try m([try a[1].tensor("model")])
        return results.count == 1 ? tensorValue(results[0]) : tensorsValue(results)
    }
    model.bindMethod("summary", []) { ctx, a in
        ctx.display(.table(summaryTable(try thisModel(a[0]).summary())))
        return .void
    }
    model.bindProperty("parameterCount") { _, v in .int(try thisModel(v).parameterCount) }
    model.bindProperty("name") { _, v in .string(try thisModel(v).name) }
    model.bindProperty("inputs") { _, v in tensorsValue(try thisModel(v).inputs) }
    model.bindProperty("outputs") { _, v in tensorsValue(try thisModel(v).outputs) }
    model.bindProperty("weights") { _, v in
        var weights: [Tensor] = []
        for case let layer as Layer in try thisModel(v).operations { weights += try layer.weights }
        return tensorsValue(weights)
    }

    let sequential = b.type(NativeType(name: "Sequential"))
    sequential.describe = { v in (v as? Sequential).map { "<Sequential name=\($0.name), built=True>" } ?? "Sequential" }
    sequential.bindInit([.unlabelled, .labelledDefault("input", .none)]) { ctx, a in
        let layers = try a[0].array("Sequential").map { v -> Layer in
            guard case .native(let n) = v, let l = n.value as? Layer else {
                throw RuntimeError("Sequential: expected built-in layers, got \(typeName(v))")
            }
            return l
        }
        let input = try a[1].unlessNil.map { try $0.tensor("Sequential(input:)") }
        return .native(NativeValue(try Sequential(layers, input: input, session: ctx.bindings.layers), type: sequential))
    }
    func thisSequential(_ v: Value) throws -> Sequential { try v.native(Sequential.self, "Sequential") }
    sequential.bindMethod("callAsFunction", [.unlabelled]) { _, a in
        tensorValue(try thisSequential(a[0])(try a[1].tensor("Sequential")))
    }
    sequential.bindMethod("summary", []) { ctx, a in
        ctx.display(.table(summaryTable(try thisSequential(a[0]).summary())))
        return .void
    }
    sequential.bindProperty("parameterCount") { _, v in .int(try thisSequential(v).parameterCount) }
    sequential.bindProperty("name") { _, v in .string(try thisSequential(v).name) }
    sequential.bindProperty("layers") { _, v in .array(ArrayStorage(try thisSequential(v).layers.map(layerValue))) }
}

/// Keras's summary as a table value: the page draws an HTML table; the terminal and snapshot
/// show Keras's own box-drawn text (`plainText`).
func summaryTable(_ s: ModelSummary) -> Table {
    let text = s.text()
    var columns = ["Layer (type)", "Output Shape", "Param #"]
    if s.showsConnections { columns.append("Connected to") }
    let rows = s.rows.map { row -> [String] in
        var cells = ["\(row.name) (\(row.className))", row.outputShape, groupedDigits(row.parameterCount)]
        if s.showsConnections { cells.append(row.connectedTo.isEmpty ? "-" : row.connectedTo.joined(separator: ", ")) }
        return cells
    }
    // The totals lines exactly as Keras prints them (the last three lines of the text).
    let footer = text.split(separator: "\n").suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }
    return Table(title: "Model: \"\(s.modelName)\"", columns: columns, rows: rows, footer: footer, plainText: text)
}

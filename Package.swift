// swift-tools-version:5.10
// nbrun: Markdown notebooks whose Swift cells run against one session.
// Targets are the architecture (see docs/architecture.md); dependencies point one way:
//   Tensors ◄── Layers ◄── Interpreter ◄── Runner ◄── nbrun
//   Notebook ─────────────────────────────┘  └── Render
// Reports (diagnostics and cell results as values) sits under all of them.
import Foundation
import PackageDescription

// swift-syntax comes from one of two places (./dev chooses, see `syntax_source` there):
// - the toolchain's own copy, already compiled and optimised (`<toolchain>/usr/lib/swift/host`, shared
//   libraries with .swiftinterface files): ./dev sets NBRUN_TOOLCHAIN_SYNTAX to that folder when a
//   probe shows it has every API nbrun uses. A cold build then takes about a minute instead of ~5.
// - the swift-syntax package (the fallback, and what a plain `swift build` uses).
let toolchainSyntax: String? = {
    guard let dir = ProcessInfo.processInfo.environment["NBRUN_TOOLCHAIN_SYNTAX"], !dir.isEmpty else { return nil }
    return dir
}()

/// The swift-syntax modules a target imports: package products, or nothing (the flags below find
/// the toolchain's).
func syntax(_ modules: String...) -> [Target.Dependency] {
    toolchainSyntax == nil ? modules.map { .product(name: $0, package: "swift-syntax") } : []
}
let syntaxSwiftFlags: [SwiftSetting] = toolchainSyntax.map { [.unsafeFlags(["-I", $0])] } ?? []
func syntaxLinking(_ modules: String...) -> [LinkerSetting] {
    guard let dir = toolchainSyntax else { return [] }
    return [.unsafeFlags(["-L", dir, "-Xlinker", "-rpath", "-Xlinker", dir])] + modules.map { .linkedLibrary($0) }
}

// Our own code is compiled optimised even in the default (debug) configuration: kernels and the
// interpreter loop are ~30x slower unoptimised. A package cannot set its dependencies' flags, so
// `./dev` builds everything with `-Xswiftc -O` (swift-syntax too: a debug-built parser was a
// sixth of the attention notebook's CPU time); a plain `swift build` still optimises ours.
// (`swift build -c release`, whole-module, takes ~6 minutes more on 2 cores.)
let optimised: [SwiftSetting] = [.unsafeFlags(["-O", "-enforce-exclusivity=unchecked"])] + syntaxSwiftFlags

// The targets that do a run's bookkeeping (the Markdown parser's driver, the runner and its worker
// protocol, the command line) are not worth optimising: -O took a fifth of a cold build, and
// unoptimised they cost a cached notebook 4 ms more (RunnerBench) and a worker nothing measurable.
let bookkeeping: [SwiftSetting] = syntaxSwiftFlags

// Tensors' elementwise kernels (exp, tanh, softmax...) are vectorised by the optimiser: on x86_64
// they target AVX2+FMA (Haswell, 2013, and later), 4-8x faster than the SSE2 baseline.
#if arch(x86_64)
let tensorKernels: [SwiftSetting] = optimised + [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let tensorKernels: [SwiftSetting] = optimised
#endif

let package = Package(
    name: "nbrun",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nbrun", targets: ["nbrun"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ] + (toolchainSyntax == nil ? [.package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1")] : []),
    targets: [
        // C library from the system (Debian: libcmark-dev).
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),

        .target(name: "Reports", swiftSettings: optimised),
        // OpenBLAS (Debian: libopenblas0) is loaded at run time by Sources/Tensors/BLAS.swift.
        .target(name: "Tensors", swiftSettings: tensorKernels),
        .target(name: "Layers", dependencies: ["Tensors", "Reports"], swiftSettings: tensorKernels),
        .target(name: "Interpreter", dependencies: ["Layers", "Tensors", "Reports"]
                    + syntax("SwiftSyntax", "SwiftParser", "SwiftParserDiagnostics", "SwiftDiagnostics", "SwiftOperators"),
                swiftSettings: optimised,
                linkerSettings: syntaxLinking("SwiftSyntax", "SwiftParser", "SwiftParserDiagnostics",
                                              "SwiftDiagnostics", "SwiftOperators", "SwiftBasicFormat")),
        .target(name: "Notebook", dependencies: [
            "CCmark", "Reports", .product(name: "Yams", package: "Yams"),
        ], swiftSettings: bookkeeping),
        .target(name: "Render", dependencies: ["Notebook", "Reports"] + syntax("SwiftSyntax", "SwiftParser", "SwiftIDEUtils"),
                swiftSettings: optimised,
                linkerSettings: syntaxLinking("SwiftSyntax", "SwiftParser", "SwiftIDEUtils")),
        .target(name: "Runner", dependencies: ["Notebook", "Interpreter", "Render", "Reports"],
                swiftSettings: bookkeeping),
        // The command line is parsed by hand (Sources/nbrun/CommandLineParser.swift).
        .executableTarget(name: "nbrun", dependencies: ["Runner"], swiftSettings: bookkeeping),

        // Benchmarks: each compares against its reference (NumPy, TensorFlow, CPython) in one run.
        .executableTarget(name: "TensorsBench", dependencies: ["Tensors"],
                          path: "Sources/Benchmarks/TensorsBench", swiftSettings: optimised),
        .executableTarget(name: "LayersBench", dependencies: ["Layers"],
                          path: "Sources/Benchmarks/LayersBench", swiftSettings: optimised),
        .executableTarget(name: "InterpreterBench", dependencies: ["Interpreter"],
                          path: "Sources/Benchmarks/InterpreterBench", swiftSettings: optimised),
        .executableTarget(name: "RenderBench", dependencies: ["Render", "Notebook"],
                          path: "Sources/Benchmarks/RenderBench", swiftSettings: optimised),
        .executableTarget(name: "RunnerBench", dependencies: ["Runner"],
                          path: "Sources/Benchmarks/RunnerBench", swiftSettings: optimised),

        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Reports"], swiftSettings: optimised),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors"], exclude: ["Fixtures"], swiftSettings: optimised),
        .testTarget(name: "LayersTests", dependencies: ["Layers", "Tensors", "Reports"], exclude: ["Fixtures"], swiftSettings: optimised),
        // Cells/ holds literate cell files (Swift source run by the tests, not compiled into them).
        .testTarget(name: "InterpreterTests", dependencies: ["Interpreter", "Reports"], exclude: ["Cells"],
                    swiftSettings: optimised),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Notebook", "Reports"], swiftSettings: optimised),
        .testTarget(name: "RunnerTests", dependencies: ["Runner"], swiftSettings: optimised),
    ]
)

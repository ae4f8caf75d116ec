// swift-tools-version:5.10
// nbrun: Markdown notebooks whose Swift cells run against one session.
// Targets are the architecture (see docs/architecture.md); dependencies point one way:
//   Tensors ◄── Layers ◄── Interpreter ◄── Runner ◄── nbrun
//   Notebook ─────────────────────────────┘  └── Render
// Reports (diagnostics and cell results as values) sits under all of them.
import PackageDescription

// Our own code is compiled optimised even in the default (debug) configuration: kernels and the
// interpreter loop are ~30x slower unoptimised. A package cannot set its dependencies' flags, so
// `./dev` builds everything with `-Xswiftc -O` (swift-syntax too: a debug-built parser was a
// sixth of the attention notebook's CPU time); a plain `swift build` still optimises ours.
// (`swift build -c release`, whole-module, takes ~6 minutes more on 2 cores.)
let optimised: [SwiftSetting] = [.unsafeFlags(["-O", "-enforce-exclusivity=unchecked"])]

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
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // C library from the system (Debian: libcmark-dev).
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),

        .target(name: "Reports", swiftSettings: optimised),
        // OpenBLAS (Debian: libopenblas0) is loaded at run time by Sources/Tensors/BLAS.swift.
        .target(name: "Tensors", swiftSettings: tensorKernels),
        .target(name: "Layers", dependencies: ["Tensors"], swiftSettings: tensorKernels),
        .target(name: "Interpreter", dependencies: [
            "Layers", "Tensors", "Reports",
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
            .product(name: "SwiftDiagnostics", package: "swift-syntax"),
            .product(name: "SwiftOperators", package: "swift-syntax"),
        ], swiftSettings: optimised),
        .target(name: "Notebook", dependencies: [
            "CCmark", "Reports", .product(name: "Yams", package: "Yams"),
        ], swiftSettings: optimised),
        .target(name: "Render", dependencies: [
            "Notebook", "Reports",
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftIDEUtils", package: "swift-syntax"),
        ], swiftSettings: optimised),
        .target(name: "Runner", dependencies: ["Notebook", "Interpreter", "Render", "Reports"],
                swiftSettings: optimised),
        .executableTarget(name: "nbrun", dependencies: [
            "Runner", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: optimised),

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
        .testTarget(name: "LayersTests", dependencies: ["Layers", "Tensors"], exclude: ["Fixtures"], swiftSettings: optimised),
        // Cells/ holds literate cell files (Swift source run by the tests, not compiled into them).
        .testTarget(name: "InterpreterTests", dependencies: ["Interpreter", "Reports"], exclude: ["Cells"],
                    swiftSettings: optimised),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Notebook", "Reports"], swiftSettings: optimised),
        .testTarget(name: "RunnerTests", dependencies: ["Runner"], swiftSettings: optimised),
    ]
)

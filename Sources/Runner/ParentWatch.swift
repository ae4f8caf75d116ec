import Foundation

/// A worker dies with its parent, however the parent ends (Ctrl-C, SIGKILL, a crash): a worker
/// left behind would run on at full speed until its cell's limit, or forever, since it ignores
/// SIGINT and SIGTERM like nbrun. On Linux the kernel sends it SIGKILL when the parent goes
/// (`PR_SET_PDEATHSIG`); everywhere, a thread checks every half second that its parent is still
/// the nbrun that started it (`NBRUN_PARENT_PID`), which also covers a parent that died before
/// the worker could ask the kernel.
enum ParentWatch {
    static let variable = "NBRUN_PARENT_PID"

    static func start() {
        guard let text = ProcessInfo.processInfo.environment[variable], let parent = pid_t(text) else { return }
        #if os(Linux)
        askForSignalOnParentDeath()
        #endif
        if getppid() != parent { _exit(137) }
        let watcher = Thread {
            while true {
                usleep(500_000)
                if getppid() != parent { _exit(137) }
            }
        }
        watcher.stackSize = 64 << 10
        watcher.start()
    }

    #if os(Linux)
    /// `prctl(PR_SET_PDEATHSIG, SIGKILL)`: prctl is variadic in C, so Swift reaches it by name.
    private static func askForSignalOnParentDeath() {
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(nil, "prctl") else { return }  // nil: RTLD_DEFAULT on Linux
        let prctl = unsafeBitCast(symbol, to: Prctl.self)
        _ = prctl(1 /* PR_SET_PDEATHSIG */, UInt(SIGKILL), 0, 0, 0)
    }
    #endif
}

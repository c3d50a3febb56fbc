#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts the process again with `OPENBLAS_NUM_THREADS=1` when it is not set and the command runs its own threads
/// (see ``InflowCommand/main()``). Measured on 2 cores: `inflow project --threads 1 --curve logistic` spends 0.09 s
/// of system time in OpenBLAS's spinning worker without it and 0.01 s with it; the second start costs about 18 ms
/// (36 against 18 ms for `inflow models`), so commands that run no threads of their own are not restarted.
enum OpenBLASThreads {
    static let variable = "OPENBLAS_NUM_THREADS"
    /// The subcommands that run threads of their own (bootstrap replicates, backtest origins, keys).
    static let threadedCommands: Set<String> = ["project", "backtest", "fit"]

    static func limitToOne() {
        guard getenv(variable) == nil, CommandLine.arguments.count > 1,
              threadedCommands.contains(CommandLine.arguments[1]) else { return }
        setenv(variable, "1", 1)
        #if os(Linux)
        // The same executable, the same arguments; on failure carry on in this process (workers already started).
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        #endif
    }
}

import ArgumentParser
import Inflow

/// Projection, ensemble and reproducibility settings.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Days to project after the last report.", valueName: "days"))
    var horizon: Int = 30

    @Option(name: .long, help: ArgumentHelp("Bootstrap replicates per model.", valueName: "B"))
    var bootstrap: Int = 1000

    @Option(name: .long, help: ArgumentHelp(
        "How models are combined: stacking (the mixture with the lowest backtest CRPS; AICc weights when there are fewer than 3 backtest origins), aicc (Akaike weights), wis (inverse backtest WIS) or none (best AICc alone).",
        valueName: "method"))
    var ensemble: EnsembleMethod = .stacking

    @Option(name: .long, help: ArgumentHelp(
        "With key columns, how the keys' forecasts are made to add up to the total's: conditioning (the keys' joint samples resampled to follow the national projection; the default), bottom-up (the keys' joint samples summed) or mint (MinT means of every level, intervals by conditioning).",
        valueName: "method"))
    var reconcile: ReconciliationMethod = .conditioning

    @Option(name: .customLong("mint"), help: ArgumentHelp(
        "The covariance MinT assumes with --reconcile mint: wls-struct (the default), ols or shrink (the in-sample residuals' covariance, shrunk).",
        valueName: "method"))
    var minTrace: MinTraceMethod = .wlsStructural

    @Option(name: .long, help: ArgumentHelp("Seed: the same seed gives the same numbers whatever the thread count.", valueName: "N"))
    var seed: UInt64 = 20260116

    @Option(name: .long, help: ArgumentHelp(
        "Threads for the bootstrap replicates and backtest origins (results do not depend on it); OpenBLAS itself runs on one thread unless OPENBLAS_NUM_THREADS is set.",
        valueName: "N"))
    var threads: Int = 2

    @Option(name: .long, help: ArgumentHelp(
        "Analyse only the keys whose stable hash falls in shard k of n, each as an independent series, reading the file one key at a time (its rows grouped by key) and writing hub rows (--format csv); n processes cover every key once, and 1/n..n/n together equal --shard 1/1.",
        valueName: "k/n"))
    var shard: String?

    /// `options` with these projection, ensemble and reproducibility settings.
    func applied(to options: AnalysisOptions) -> AnalysisOptions {
        var options = options
        options.horizon = horizon
        options.replicates = bootstrap
        options.seed = seed
        options.threads = threads
        options.ensemble = ensemble
        options.reconciliation = reconcile
        options.minTraceMethod = minTrace
        return options
    }

    /// The shard asked for, if any.
    var parsedShard: Shard? { shard.flatMap(Shard.init) }

    func validate() throws {
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard must be k/n with 1 <= k <= n, such as 2/8 (got '\(shard)').")
        }
        guard horizon >= 1 && horizon <= 3650 else {
            throw ValidationError("--horizon must be between 1 and 3650 days (got \(horizon)).")
        }
        guard bootstrap >= 20 && bootstrap <= 1_000_000 else {
            throw ValidationError("--bootstrap must be between 20 and 1,000,000 replicates (got \(bootstrap)); 1000 gives stable 95% intervals.")
        }
        guard threads >= 1 && threads <= 256 else {
            throw ValidationError("--threads must be between 1 and 256 (got \(threads)).")
        }
    }

}

extension EnsembleMethod: ExpressibleByArgument {}
extension ReconciliationMethod: ExpressibleByArgument {}
extension MinTraceMethod: ExpressibleByArgument {}

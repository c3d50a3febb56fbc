import Foundation

/// How a rolling-origin backtest runs.
public struct BacktestOptions: Sendable {
    /// Forecast origins; `nil` uses every report time that leaves at least
    /// ``minimumObservations`` observations before it and at least one after it.
    public var origins: [Date]?
    /// Days after each origin that are scored.
    public var horizon: Int
    /// Bootstrap replicates per projection.
    public var replicates: Int
    /// Seed (each origin gets its own series index, so streams never overlap).
    public var seed: UInt64
    /// Threads for the replicates.
    public var threads: Int
    /// Observations a fit needs before an origin is used (when origins are automatic).
    public var minimumObservations: Int
    /// At most this many automatic origins: the latest ones (a long daily series would otherwise be refitted
    /// at every day).
    public var maximumOrigins: Int

    /// Options; the arguments are the properties of the same names.
    public init(origins: [Date]? = nil, horizon: Int = 7, replicates: Int = 500, seed: UInt64 = 20260116,
                threads: Int = 2, minimumObservations: Int = 4, maximumOrigins: Int = 8) {
        self.maximumOrigins = maximumOrigins
        self.origins = origins
        self.horizon = horizon
        self.replicates = replicates
        self.seed = seed
        self.threads = threads
        self.minimumObservations = minimumObservations
    }
}

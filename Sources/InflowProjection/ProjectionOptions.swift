/// How a projection is made.
public struct ProjectionOptions: Sendable, Equatable {
    /// Days after the last observation to project (the first, partial day counts as day 1).
    public var horizon: Int
    /// Bootstrap replicates B.
    public var replicates: Int
    /// Seed: replicate b of series s always draws from stream (seed, s, b), whatever the thread count.
    public var seed: UInt64
    /// Index of the series among several projected with one seed (keeps their streams apart).
    public var seriesIndex: Int
    /// Threads used for the replicates (results do not depend on it).
    public var threads: Int
    /// How replicates are made.
    public var method: BootstrapMethod

    /// Options; the arguments are the properties of the same names.
    public init(horizon: Int = 30, replicates: Int = 1000, seed: UInt64 = 20260116, seriesIndex: Int = 0,
                threads: Int = 2, method: BootstrapMethod = .parametric) {
        self.horizon = horizon
        self.replicates = replicates
        self.seed = seed
        self.seriesIndex = seriesIndex
        self.threads = threads
        self.method = method
    }

    /// Checks the options, with a sentence that says what to do.
    public func validate() throws(ProjectionError) {
        guard horizon >= 1 && horizon <= 3650 else {
            throw .invalidOptions("the horizon must be between 1 and 3650 days (got \(horizon)).")
        }
        guard replicates >= 2 && replicates <= 10_000_000 else {
            throw .invalidOptions("the number of bootstrap replicates must be between 2 and 10,000,000 (got \(replicates)).")
        }
        guard threads >= 1 && threads <= 1024 else {
            throw .invalidOptions("the thread count must be at least 1 (got \(threads)).")
        }
        if case .block(let length) = method, length < 1 {
            throw .invalidOptions("the block length of the residual bootstrap must be at least 1 (got \(length)).")
        }
    }
}

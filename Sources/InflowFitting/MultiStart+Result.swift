extension MultiStart {
    /// All runs of a multi-start minimisation and the best of them.
    public struct Result: Sendable {
        /// One summary per start, in the order of the starts.
        public let summaries: [LevenbergMarquardt.Summary]
        /// Index of the converged run with the lowest finite objective (the first on ties); `nil`
        /// when no run converged.
        public let bestIndex: Int?
        /// Index of the run with the lowest finite objective whatever its status (the first on ties);
        /// `nil` when every objective is NaN or infinite.
        public let lowestObjectiveIndex: Int?

        /// Collects the summaries and picks the best.
        public init(summaries: [LevenbergMarquardt.Summary]) {
            self.summaries = summaries
            var best: Int?
            var lowest: Int?
            for (index, summary) in summaries.enumerated() where summary.finalObjective.isFinite {
                if lowest.map({ summary.finalObjective < summaries[$0].finalObjective }) ?? true { lowest = index }
                if summary.isConverged, best.map({ summary.finalObjective < summaries[$0].finalObjective }) ?? true {
                    best = index
                }
            }
            bestIndex = best
            lowestObjectiveIndex = lowest
        }

        /// The converged run with the lowest objective, if any run converged.
        public var best: LevenbergMarquardt.Summary? { bestIndex.map { summaries[$0] } }

        /// Number of runs that converged.
        public var convergedCount: Int { summaries.count { $0.isConverged } }
    }
}

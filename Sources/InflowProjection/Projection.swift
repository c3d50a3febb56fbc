import Foundation
import InflowModels
import InflowLinearAlgebra
import InflowStatistics

/// Predictive samples of future arrivals from one model (or an ensemble): for each future
/// period and each replicate, the arrivals in the period (surge and background), the cumulative total
/// at its end, and the remaining pool (the people of the surge still to come).
///
/// Samples carry both parameter uncertainty (a refit per bootstrap replicate) and observation
/// noise (a draw from the error family around each replicate's mean): they are intervals for
/// new counts, not for the mean curve. Lower quantiles are not clipped: counts are never
/// negative because draws are counts.
public struct Projection: Sendable {
    /// The model the samples come from (an ensemble's identity for a mixture).
    public let model: ModelID
    /// The series origin.
    public let origin: Date
    /// The series' clock (``/InflowCore/InflowSeries/timeZone``): ``day(_:)``, ``days`` and `localText(_:)` name
    /// calendar days in it, as the command line and the hub tables do.
    public let timeZone: TimeZone
    /// The future periods.
    public let grid: ProjectionGrid
    /// Observed cumulative total at the last observation (in the data's cumulative units).
    public let observedTotal: Double
    /// Arrivals per period: `periods x replicates`.
    public let increments: Matrix
    /// Final size of each replicate anchored at the observed total, `observed + C_b(inf) - C_b(t_last)`
    /// (NaN for families without one).
    public let finalSizes: [Double]
    /// The remaining pool at the end of each period: `periods x replicates`, replicate b's
    /// `C_b(inf) - C_b(t_(k+1))`, the people of the surge its curve still expects after the period
    /// (background arrivals are not part of the pool); NaN for families without a final size.
    public let poolRemaining: Matrix
    /// Replicates whose refit did not converge (kept: their estimates are the best point found).
    public let nonConvergedReplicates: Int
    /// Replicates that gave no usable estimate (NaN samples, left out of summaries).
    public let failedReplicates: Int
    /// Each replicate's cumulative total at the grid's start when it is uncertain (a key that last reported
    /// before the grid starts has its arrivals in between drawn); `nil` when it is ``observedTotal``.
    public let startTotals: [Double]?

    /// A projection from its samples; the arguments are the properties of the same names.
    public init(model: ModelID, origin: Date, grid: ProjectionGrid, observedTotal: Double, increments: Matrix,
                finalSizes: [Double], poolRemaining: Matrix? = nil, nonConvergedReplicates: Int, failedReplicates: Int,
                startTotals: [Double]? = nil, timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!) {
        precondition(poolRemaining.map { $0.rows == increments.rows && $0.columns == increments.columns } ?? true,
                     "one remaining pool per period and replicate")
        precondition(startTotals.map { $0.count == increments.columns } ?? true, "one start total per replicate")
        self.model = model
        self.origin = origin
        self.grid = grid
        self.observedTotal = observedTotal
        self.increments = increments
        self.finalSizes = finalSizes
        self.poolRemaining = poolRemaining ?? Matrix(rows: increments.rows, columns: increments.columns, repeating: .nan)
        self.nonConvergedReplicates = nonConvergedReplicates
        self.failedReplicates = failedReplicates
        self.startTotals = startTotals
        self.timeZone = timeZone
    }

    /// Number of replicates.
    public var replicates: Int { increments.columns }
    /// Number of future periods.
    public var periods: Int { increments.rows }

    /// Cumulative totals at the end of each period: `start + running sum of increments`, the start being
    /// ``observedTotal`` or the replicate's ``startTotals`` entry.
    public var cumulative: Matrix {
        var result = increments
        for b in 0..<replicates {
            var running = startTotals?[b] ?? observedTotal
            for k in 0..<periods {
                running += increments[k, b]
                result[k, b] = running
            }
        }
        return result
    }


    /// Whether the model has a final size (so a remaining pool).
    public var hasFinalSize: Bool { finalSizes.contains { $0.isFinite } }

    /// Replicates that have a final size.
    var finiteFinalSizes: [Double] { finalSizes.filter(\.isFinite) }

    /// The samples of a target: `periods x replicates`.
    public func samples(_ target: ProjectionTarget) -> Matrix {
        switch target {
        case .incidence: increments
        case .cumulative: cumulative
        case .remainingPool: poolRemaining
        }
    }

    /// Per-period summaries of a target; they print as whole arrivals, and a remaining pool the data do not bound
    /// as such (``QuantileSummary/Quantity-swift.enum/remainingPool(observed:)`` of ``observedTotal``).
    public func summaries(_ target: ProjectionTarget, levels: [Double] = Quantiles.forecastHubLevels) -> [QuantileSummary] {
        let matrix = samples(target)
        let quantity: QuantileSummary.Quantity = target == .remainingPool ? .remainingPool(observed: observedTotal) : .count
        return (0..<periods).map { k in QuantileSummary(sample: matrix.row(k), levels: levels, quantity: quantity) }
    }

    /// Summary of the sum of the first `days` periods' arrivals (e.g. the next 7 days); it prints as whole arrivals.
    public func arrivals(overFirst days: Int, levels: [Double] = Quantiles.forecastHubLevels) -> QuantileSummary {
        let count = min(days, periods)
        let totals = (0..<replicates).map { b in (0..<count).reduce(0.0) { $0 + increments[$1, b] } }
        return QuantileSummary(sample: totals, levels: levels, quantity: .count)
    }

    /// The central interval of arrivals over the first `days` periods at any coverage (0.85, 0.5, ...), from the
    /// samples themselves rather than the 23 hub levels; `nil` for a coverage outside (0, 1).
    /// - Complexity: one sort of the replicates' sums.
    public func arrivalsInterval(overFirst days: Int, coverage: Double) -> (lower: Double, upper: Double)? {
        guard coverage > 0, coverage < 1 else { return nil }
        return arrivals(overFirst: days, levels: [(1 - coverage) / 2, 0.5, (1 + coverage) / 2]).interval(coverage)
    }

    /// Summary of the remaining pool after the last observation (final size minus observed).
    ///
    /// Not the number `CurveFit.remaining(level:)` gives: that is the fitted final size minus the surge's counted
    /// arrivals, with a 95% profile-likelihood interval; this is each bootstrap replicate's `C_b(inf) - C_b(t_last)`,
    /// summarised at `levels` (the printed results show 90% intervals), so level, method and centre differ.
    ///
    /// It prints as whole people, and as `not determined by these data (at least X)` when the 90% interval's upper
    /// end is not one the data give (``QuantileSummary/sizeBound(coverage:observed:remaining:)`` with `remaining`).
    public func remainingNow(levels: [Double] = Quantiles.forecastHubLevels) -> QuantileSummary {
        QuantileSummary(sample: finalSizes.map { $0 - observedTotal }, levels: levels,
                        quantity: .remainingPool(observed: observedTotal))
    }

    /// The instant period `k` ends: `origin + boundaries[k + 1]` days. For daily periods this is the local
    /// midnight that closes the day (on 7 February in Phnom Penh, `2026-02-07T17:00Z`); ``day(_:)`` names the
    /// day itself in ``timeZone``.
    public func endDate(_ k: Int) -> Date { origin.addingTimeInterval(grid.boundaries[k + 1] * 86_400) }
}

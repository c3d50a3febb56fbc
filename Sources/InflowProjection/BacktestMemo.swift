import Foundation
import InflowCore
import InflowLinearAlgebra
import InflowModels

/// The member forecasts of rolling-origin backtests, kept so that one analysis never fits and bootstraps the
/// same member on the same data twice.
///
/// The retrospective of an analysis reruns the pipeline at every backtest origin, and each rerun backtests its
/// members at the origins before it: the same fits to the same data, bootstrapped from the same random streams,
/// over the first periods of the grid the first backtest used. A projection's first periods do not depend on
/// the periods after them (each replicate draws its periods in order from its own stream), so a forecast over a
/// grid is also the forecast over every grid it starts with. The memo answers those calls with the stored
/// fit and the first periods of the stored projection; the numbers are those a new fit and bootstrap give.
///
/// A forecast is found by everything that determines it: the member (family, error, fit options), the data up
/// to the origin, and the projection options except the thread count (results do not depend on it).
///
/// The backtest's random streams are named by the origin's position among ``streamOrigins`` when the memo
/// has them (the first backtest's origins), so that a rerun, whose own list of origins may start later or
/// earlier, draws the same numbers for the same origin.
///
/// - Complexity: a look-up compares its key with every stored forecast's, O(forecasts x observations); an
///   analysis stores one per member and origin.
package final class BacktestMemo {
    /// What a stored forecast was made from.
    package struct Key: Equatable {
        /// The member's identity.
        var model: ModelID
        /// The member's options for these data.
        var fitOptions: FitOptions
        /// The data up to the origin.
        var series: InflowSeries
        /// The projection options, with the thread count set to 1.
        var projection: ProjectionOptions

        /// The key of `member` fitted with `fitOptions` to `series`, projected with `options`.
        package init(model: ModelID, fitOptions: FitOptions, series: InflowSeries, projection options: ProjectionOptions) {
            self.model = model
            self.fitOptions = fitOptions
            self.series = series
            var projection = options
            projection.threads = 1
            self.projection = projection
        }
    }

    private struct Entry {
        var key: Key
        var fit: CurveFit
        var projection: Projection?
    }

    private var entries: [Entry] = []

    /// The origins whose positions name the backtests' random streams: those of the first backtest that
    /// used this memo.
    private var streamOrigins: [Date]?

    /// An empty memo.
    package init() {}

    /// Records `origins` as the stream-naming origins if none are recorded yet.
    package func adoptStreamOrigins(_ origins: [Date]) {
        if streamOrigins == nil { streamOrigins = origins }
    }

    /// The position that names the streams of `origin`, the `index`-th origin of a backtest: its position in
    /// ``streamOrigins`` (so that reruns draw the same numbers for it); an origin before that list's first gets a
    /// position after its last; `index` when no origins are recorded.
    package func streamPosition(of origin: Date, index: Int) -> Int {
        guard let streamOrigins else { return index }
        return streamOrigins.firstIndex(of: origin) ?? streamOrigins.count + index
    }

    /// The stored fit for `key`, if any.
    package func fit(for key: Key) -> CurveFit? {
        entries.first { $0.key == key }?.fit
    }

    /// The stored projection for `key` over `grid`: the stored one's first periods when its grid starts with
    /// `grid`; `nil` when nothing is stored or the stored grid is shorter or different.
    package func projection(for key: Key, grid: ProjectionGrid) -> Projection? {
        guard let stored = entries.first(where: { $0.key == key })?.projection else { return nil }
        let boundaries = stored.grid.boundaries
        guard boundaries.count >= grid.boundaries.count,
              Array(boundaries.prefix(grid.boundaries.count)) == grid.boundaries else { return nil }
        return stored.grid == grid ? stored : stored.prefix(periods: grid.periodCount)
    }

    /// Stores the fit for `key` and, when given, its projection (kept only if its grid is longer than the
    /// stored one's).
    package func store(_ key: Key, fit: CurveFit, projection: Projection?) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            if let projection, projection.periods > (entries[index].projection?.periods ?? -1) {
                entries[index].projection = projection
            }
        } else {
            entries.append(Entry(key: key, fit: fit, projection: projection))
        }
    }
}

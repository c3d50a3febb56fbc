import InflowCore

/// Summaries of the data that starting-value rules use.
///
/// Rates are counts per day over each interval, placed at the interval midpoint;
/// `cumulativeAtEnds` is the running total at each interval end.
public struct StartingData: Sendable {
    /// Interval midpoints (counts) or observation times (level), days since the origin.
    public let times: [Double]
    /// Estimated inflow rate at each time (arrivals per day).
    public let rates: [Double]
    /// Cumulative arrivals at each time (running total of counts, or the level itself).
    public let cumulative: [Double]
    /// Total observed so far (or the last level).
    public let total: Double
    /// Time of the first observation.
    public let firstTime: Double
    /// Time of the last observation.
    public let lastTime: Double

    /// Starting data; the arguments are the properties of the same names.
    public init(times: [Double], rates: [Double], cumulative: [Double], firstTime: Double, lastTime: Double) {
        self.times = times
        self.rates = rates
        self.cumulative = cumulative
        self.total = cumulative.last ?? 0
        self.firstTime = firstTime
        self.lastTime = lastTime
    }

    /// Builds the summaries from prepared observations.
    public init(_ observations: PreparedObservations) {
        switch observations.kind {
        case .level:
            let t = observations.levelTimes
            let y = observations.levelValues
            var rates: [Double] = []
            for i in t.indices {
                if i == 0 {
                    rates.append(t.count > 1 ? (y[1] - y[0]) / max(t[1] - t[0], 1e-12) : 0)
                } else {
                    rates.append((y[i] - y[i - 1]) / max(t[i] - t[i - 1], 1e-12))
                }
            }
            self.init(times: t, rates: rates, cumulative: y, firstTime: t.first ?? 0, lastTime: t.last ?? 0)
        case .counts, .cumulative:
            var running = 0.0
            var cumulative: [Double] = []
            for interval in observations.intervals {
                running += interval.count
                cumulative.append(running)
            }
            self.init(times: observations.intervals.map { ($0.start + $0.end) / 2 },
                      rates: observations.intervals.map { $0.count / max($0.length, 1e-12) },
                      cumulative: cumulative,
                      firstTime: observations.firstTime, lastTime: observations.lastTime)
        }
    }

    /// Largest rate and the time it was seen.
    public var peak: (time: Double, rate: Double) {
        guard let index = rates.indices.max(by: { rates[$0] < rates[$1] }) else { return (0, 0) }
        return (times[index], rates[index])
    }

    /// Whether the largest rate is at the last observation (the curve may still be rising).
    public var peakIsLast: Bool {
        guard let index = rates.indices.max(by: { rates[$0] < rates[$1] }) else { return true }
        return index == rates.count - 1
    }

    /// A positive scale for the final size: the total, or 1 when there is nothing yet.
    public var sizeScale: Double { max(total, 1) }
}

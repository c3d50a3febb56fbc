/// Where a curve likelihood evaluates its curve, and how each observation's mean is made from
/// those values: the distinct times (ascending), and for each observation the grid index of its
/// start and end, its length and what multiplies the background rate.
///
/// - Interval counts: `mu_i = C(times[end_i]) - C(times[start_i]) + beta * length_i`; every interval
///   boundary is a grid time, shared by neighbouring intervals, so a daily series of n counts evaluates
///   the curve n + 1 times.
/// - Counts as rates: `mu_i = (c(times[start_i]) + beta) * length_i`, the grid holds the starts.
/// - Level data: `mu_i = C(times[i]) + beta * t_i` (counts-as-rates does not apply).
///
/// Built once per data set (``PreparedObservations`` keeps the grid of its intervals' boundaries; the
/// counts-as-rates grid is made per fit) and shared (copy-on-write) by every fit to those observations,
/// the Poisson and negative binomial likelihoods of each and every bootstrap replicate. O(n) when the intervals come in time order (the boundaries then
/// already ascend: duplicates are removed and each boundary found by one forward scan), O(n log n)
/// otherwise (sort, then binary search); no hashing.
package struct ObservationGrid: Sendable {
    /// Distinct evaluation times, ascending.
    package let times: [Double]
    /// For each observation, index into ``times`` of its start (interval counts) or its time.
    package let startIndex: [Int]
    /// For each observation, index into ``times`` of its end (interval counts; the start otherwise).
    package let endIndex: [Int]
    /// Interval lengths (1 for level data).
    package let lengths: [Double]
    /// Level times or interval lengths: what multiplies `beta`.
    package let backgroundExposure: [Double]
    /// Whether observation `i` runs from grid time `i` to `i + 1` for every `i` (daily counts, consecutive
    /// reports): the means are then differences of neighbouring curve values (`inflow_interval_means`).
    package let isContiguous: Bool

    /// The grid of `observations` (counts as rates: the grid of the intervals' starts).
    package init(observations: PreparedObservations, countsAsRate: Bool) {
        if countsAsRate && observations.kind != .level {
            self.init(kind: observations.kind, intervals: observations.intervals, levelTimes: [], countsAsRate: true)
        } else {
            self = observations.grid
        }
    }

    /// The grid of interval counts or level times.
    package init(kind: ObservationKind, intervals: [CountInterval], levelTimes: [Double], countsAsRate: Bool) {
        switch kind {
        case .level:
            times = levelTimes
            startIndex = Array(times.indices)
            endIndex = startIndex
            lengths = Array(repeating: 1, count: times.count)
            backgroundExposure = levelTimes
        case .counts, .cumulative:
            lengths = intervals.map(\.length)
            backgroundExposure = lengths
            var boundaries: [Double] = []
            boundaries.reserveCapacity(2 * intervals.count)
            for interval in intervals {
                boundaries.append(interval.start)
                if !countsAsRate { boundaries.append(interval.end) }
            }
            let distinct = Self.sortedDistinct(boundaries)
            let starts = Self.indices(of: intervals.map(\.start), in: distinct)
            times = distinct
            startIndex = starts
            endIndex = countsAsRate ? starts : Self.indices(of: intervals.map(\.end), in: distinct)
        }
        isContiguous = kind != .level && !countsAsRate
            && zip(startIndex, endIndex).enumerated().allSatisfy { i, bounds in bounds.0 == i && bounds.1 == i + 1 }
    }

    /// The distinct values, ascending.
    static func sortedDistinct(_ values: [Double]) -> [Double] {
        // Contiguous intervals in time order (the usual case) give ascending boundaries already.
        let ascending = zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
        let sorted = ascending ? values : values.sorted()
        var distinct: [Double] = []
        distinct.reserveCapacity(sorted.count)
        for value in sorted where distinct.last != value { distinct.append(value) }
        return distinct
    }

    /// The indices of `values` in the ascending `times` that contain them: one forward scan when the
    /// values ascend too (intervals in time order), a binary search each otherwise. O(n + m) or O(n log m).
    static func indices(of values: [Double], in times: [Double]) -> [Int] {
        guard zip(values, values.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            return values.map { index(of: $0, in: times) }
        }
        var result: [Int] = []
        result.reserveCapacity(values.count)
        var position = 0
        for value in values {
            while position < times.count && times[position] < value { position += 1 }
            result.append(position)
        }
        return result
    }

    /// The index of `value` in the ascending `times` that contain it (binary search).
    static func index(of value: Double, in times: [Double]) -> Int {
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

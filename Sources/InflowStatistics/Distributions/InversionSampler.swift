/// Draws from one fixed count distribution many times, by inversion with a guide table.
///
/// Built once from the probabilities `p(k)` of a unimodal distribution on `0, 1, 2, ...`: the table
/// keeps the counts `lowest ... lowest + m - 1` around the mode, outside which the mass is below
/// ``neglectedMass`` (a tail that no run of fewer than 2^50 draws can tell apart), and their running
/// sums `S_j = p(lowest) + ... + p(lowest + j)`. A draw maps one uniform `u` in [0, 1) to the smallest
/// `j` with `S_j > u S_(m-1)`, starting from the guide entry `floor(u m)`, the first `j` whose sum
/// exceeds that fraction of the mass (Chen and Asau 1974), so a draw costs one uniform and, on
/// average, fewer than two comparisons, whatever the mean.
///
/// A parametric bootstrap draws every replicate's observation `i` from the same fitted distribution:
/// one table per observation turns those draws from a Gamma and a Poisson variate each (about 50 ns)
/// into a table look-up (a few ns). Probabilities are built outward from the mode by the ratios
/// `p(k+1)/p(k)` (NB2: `(k + theta)/(k + 1) * mu/(mu + theta)`; Poisson: `mu/(k + 1)`), relative to
/// `p(mode)`, so no probability underflows.
///
/// - Complexity: O(m) to build (m at most ``maximumSupport``), O(1) expected per draw.
/// - References: H.-C. Chen and Y. Asau, "On generating random variates from an empirical
///   distribution", AIIE Transactions 6 (1974); L. Devroye, *Non-Uniform Random Variate Generation*
///   (1986), section III.2.4.
public struct InversionSampler: Sendable {
    /// Largest number of counts a table may keep; wider distributions are left to the direct samplers.
    public static let maximumSupport = 1 << 16
    /// Bound on the probability of the counts left out of the table, relative to the total.
    public static let neglectedMass = 0x1p-60

    /// The smallest count in the table.
    public let lowest: Int
    /// Running sums of the relative probabilities.
    let sums: [Double]
    /// `guide[g]` = the first index whose running sum exceeds `g / m` of the total.
    let guide: [Int32]

    /// The table of NB2(`mean`, `dispersion`) (`Var = mu + mu^2 / theta`), or `nil` when its support
    /// is wider than ``maximumSupport`` or the parameters are not finite and positive (mean 0 gives
    /// the point mass at 0).
    public static func negativeBinomial(mean: Double, dispersion theta: Double) -> InversionSampler? {
        guard mean >= 0, mean.isFinite, theta > 0, theta.isFinite else { return nil }
        let ratio = mean / (mean + theta)
        let modeValue = theta > 1 ? ((theta - 1) * mean / theta).rounded(.down) : 0
        guard modeValue < Double(maximumSupport) else { return nil }
        let mode = Int(modeValue)
        // p(k+1)/p(k) tends to `ratio` from above (theta > 1) or below (theta < 1).
        return InversionSampler(mode: mode, limitRatio: ratio) { k in (Double(k) + theta) / Double(k + 1) * ratio }
    }

    /// The table of Poisson(`mean`), or `nil` as for ``negativeBinomial(mean:dispersion:)``.
    public static func poisson(mean: Double) -> InversionSampler? {
        guard mean >= 0, mean < Double(maximumSupport) else { return nil }
        return InversionSampler(mode: Int(mean.rounded(.down)), limitRatio: 0) { k in mean / Double(k + 1) }
    }

    /// Builds the table from the mode and the ratios `p(k+1)/p(k)` of a unimodal distribution whose
    /// ratios tend to `limitRatio < 1` as `k` grows.
    init?(mode: Int, limitRatio: Double, ratio: (Int) -> Double) {
        guard mode < Self.maximumSupport else { return nil }
        // Upward from the mode: stop when the tail bound p(k) r/(1 - r), r the larger of the current and
        // the limiting ratio (the ratios are monotone), is negligible.
        var upper: [Double] = [1]
        var total = 1.0
        var p = 1.0
        var k = mode
        while true {
            let r = ratio(k)
            let bound = max(r, limitRatio)
            if r == 0 || (bound < 1 && p * bound / (1 - bound) <= Self.neglectedMass * total) { break }
            p *= r
            k += 1
            upper.append(p)
            total += p
            if upper.count > Self.maximumSupport { return nil }
        }
        // Downward: below the mode p is increasing, so the mass under k is at most k p(k).
        var lower: [Double] = []
        p = 1
        k = mode
        while k > 0 && Double(k) * p > Self.neglectedMass * total {
            p /= ratio(k - 1)
            k -= 1
            lower.append(p)
            total += p
            if lower.count + upper.count > Self.maximumSupport { return nil }
        }
        lowest = k
        var sums: [Double] = []
        sums.reserveCapacity(lower.count + upper.count)
        var running = 0.0
        for value in lower.reversed() {
            running += value
            sums.append(running)
        }
        for value in upper {
            running += value
            sums.append(running)
        }
        let m = sums.count
        var guide = [Int32](repeating: 0, count: m)
        var j = 0
        for g in 0..<m {
            let threshold = Double(g) / Double(m) * running
            while j < m - 1 && sums[j] <= threshold { j += 1 }
            guide[g] = Int32(j)
        }
        self.sums = sums
        self.guide = guide
    }

    /// Number of counts in the table.
    public var supportSize: Int { sums.count }

    /// One draw: one uniform from `generator`.
    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        let u = generator.nextUniform()
        return lowest + index(for: u)
    }

    /// The table index that inversion assigns to `u` in [0, 1).
    @usableFromInline
    func index(for u: Double) -> Int {
        sums.withUnsafeBufferPointer { sums in
            let m = sums.count
            let target = u * sums[m - 1]
            var j = Int(guide[min(Int(u * Double(m)), m - 1)])
            while j < m - 1 && sums[j] <= target { j += 1 }
            return j
        }
    }
}

import Foundation
import InflowLinearAlgebra

/// A basis for `log c(t)` in the log-linear count model.
public enum TimeBasis: Sendable, Equatable, Codable, CustomStringConvertible {
    /// A natural cubic spline with this many degrees of freedom (besides the intercept):
    /// cubic between knots, linear beyond the boundary knots (so projections continue the
    /// last log-linear trend). Knots at equally spaced quantiles of the observation times.
    case naturalSpline(degreesOfFreedom: Int)
    /// Powers `t, t^2, ..., t^degree` of the time in days since the origin (raw powers,
    /// as in the nine-day reference design `[1, t, t^2]`).
    case polynomial(degree: Int)

    public var description: String {
        switch self {
        case .naturalSpline(let df): "spline:\(df)"
        case .polynomial(let degree): "polynomial:\(degree)"
        }
    }

    /// Number of columns (without the intercept).
    public var columnCount: Int {
        switch self {
        case .naturalSpline(let df): df
        case .polynomial(let degree): degree
        }
    }
}

/// A basis fixed to a set of observation times, so the same columns can be evaluated at new times.
///
/// The natural spline uses the truncated-power construction of Hastie, Tibshirani & Friedman,
/// *The Elements of Statistical Learning* (2009), eq. (5.4)-(5.5): with knots `xi_1 < ... < xi_K`,
/// `N_1 = x`, `N_{k+1} = d_k(x) - d_{K-1}(x)` with
/// `d_k(x) = ((x - xi_k)^3_+ - (x - xi_K)^3_+) / (xi_K - xi_k)`, on `x` rescaled to [0, 1].
/// It spans the same space as R's `splines::ns(t, df)` with the same knots, so fitted values
/// agree with R while coefficients differ by a change of basis.
public struct FittedTimeBasis: Sendable {
    /// The basis.
    public let basis: TimeBasis
    /// Knots (days since the origin) for splines.
    public let knots: [Double]
    let scaleOrigin: Double
    let scaleLength: Double

    /// Places knots for `basis` from the observation times.
    public init(_ basis: TimeBasis, times: [Double]) {
        self.basis = basis
        let sorted = times.sorted()
        scaleOrigin = sorted.first ?? 0
        scaleLength = max((sorted.last ?? 1) - (sorted.first ?? 0), 1)
        switch basis {
        case .polynomial:
            knots = []
        case .naturalSpline(let df):
            let count = df + 1
            knots = (0..<count).map { k in
                let position = Double(k) / Double(max(count - 1, 1)) * Double(sorted.count - 1)
                let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
                return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
            }
        }
    }

    /// The basis columns at time `t` (days since the origin), intercept excluded.
    public func row(_ t: Double) -> [Double] {
        switch basis {
        case .polynomial(let degree):
            return (1...max(degree, 1)).prefix(degree).map { pow(t, Double($0)) }
        case .naturalSpline:
            let x = (t - scaleOrigin) / scaleLength
            let xi = knots.map { ($0 - scaleOrigin) / scaleLength }
            let k = xi.count
            func cube(_ v: Double) -> Double { v > 0 ? v * v * v : 0 }
            func d(_ j: Int) -> Double { (cube(x - xi[j]) - cube(x - xi[k - 1])) / (xi[k - 1] - xi[j]) }
            var columns = [x]
            if k >= 3 {
                let last = d(k - 2)
                for j in 0..<(k - 2) { columns.append(d(j) - last) }
            }
            return columns
        }
    }
}

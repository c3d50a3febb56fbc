import InflowCore
import Foundation
import InflowFitting
import InflowLinearAlgebra
import InflowStatistics

/// The log-linear count model: `log c(t) = b0 + sum_j b_j B_j(t)` (+ day-of-week effects),
/// fitted as a generalized linear model by iteratively reweighted least squares.
///
/// Each observation is a count over a period; its mean is `mu_i = L_i exp(x_i^T b)` with
/// `L_i` the period length in days (an offset `log L_i`) and `x_i` the basis at the
/// period's time: its start for ``/InflowCore/ObservationKind/counts`` (the date the count is filed
/// under) and its midpoint for intervals from cumulative totals.
///
/// Error families: Poisson (IRLS); quasi-Poisson (Poisson estimates, covariance times
/// `phi = X^2 / (n - p)`); NB2 with `theta` estimated by maximum likelihood, alternating
/// IRLS for `b` given `theta` and Newton steps on `log theta` given the means until the
/// log-likelihood changes by less than 1e-10 relative (the algorithm of MASS::glm.nb).
/// Gaussian errors are not offered here (use a curve family with level data).
///
/// References: McCullagh & Nelder, *Generalized Linear Models* (1989); Venables & Ripley,
/// *Modern Applied Statistics with S* (2002), section 7.4. The Poisson and NB2 fits of the
/// nine-day series match statsmodels and R (`Tests/InflowModelsTests/LogLinearModelTests.swift`).
public struct LogLinearModel: Sendable {
    /// The time basis.
    public var basis: TimeBasis
    /// Whether to add day-of-week effects (six indicator columns, Monday the reference).
    public var dayOfWeek: Bool
    /// The time zone in which the weekday of a count is read. Without one given, ``fit(_:error:)`` reads weekdays
    /// on the series' own clock (``/InflowCore/InflowSeries/timeZone``) and the fit's model holds that zone (before
    /// a fit, such a model shows UTC).
    public var timeZone: TimeZone
    /// Whether ``fit(_:error:)`` replaces ``timeZone`` by the series' (no time zone was given).
    let readsSeriesTimeZone: Bool

    /// A model.
    /// - Parameters:
    ///   - basis: the smooth part of `log c(t)` (``TimeBasis``; default a natural spline with 4 degrees of
    ///     freedom).
    ///   - dayOfWeek: whether six day-of-week indicators are added (Monday the reference).
    ///   - timeZone: where weekdays are read; `nil` (the default) reads them in the fitted series' own
    ///     time zone, so that a count from local midnight is on its local day.
    public init(basis: TimeBasis = .naturalSpline(degreesOfFreedom: 4), dayOfWeek: Bool = false,
                timeZone: TimeZone? = nil) {
        self.basis = basis
        self.dayOfWeek = dayOfWeek
        self.timeZone = timeZone ?? TimeZone(secondsFromGMT: 0)!
        readsSeriesTimeZone = timeZone == nil
    }

    /// The name used on the command line.
    public static let name = "log-linear"
    /// The formula in plain text.
    public static let formula = "log c(t) = b0 + sum_j b_j B_j(t) [+ day of week]; mu_i = L_i c(t_i)"

    /// Fits the model to a count series.
    /// - Throws: ``CurveFitError`` for level data, Gaussian errors, no arrivals, or fewer
    ///   observations than coefficients.
    public func fit(_ series: InflowSeries, error: ErrorFamily = .poisson) throws(CurveFitError) -> LogLinearFit {
        let observations = series.prepared()
        guard observations.kind != .level else {
            throw .unsuitableErrorFamily("the log-linear model is for counts and cumulative totals, not level data.")
        }
        guard error != .gaussian else {
            throw .unsuitableErrorFamily("the log-linear model takes poisson, quasi-poisson or negative-binomial errors.")
        }
        let y = observations.responses
        guard y.contains(where: { $0 > 0 }) else { throw .noArrivals }
        var model = self
        if readsSeriesTimeZone { model.timeZone = series.timeZone }
        let positions = observations.intervals.map { observations.kind == .counts ? $0.start : ($0.start + $0.end) / 2 }
        let fittedBasis = FittedTimeBasis(basis, times: positions)
        let design = model.designMatrix(times: positions, basis: fittedBasis, origin: series.origin)
        guard y.count >= design.columns else {
            throw .tooFewObservations(observations: y.count, freeParameters: design.columns + (error == .negativeBinomial ? 1 : 0))
        }
        let offset = observations.intervals.map { log($0.length) }
        return LogLinearEstimator(model: model, design: design, response: y, offset: offset, error: error,
                                  observations: observations, basis: fittedBasis, origin: series.origin).run()
    }

    /// Names of the design columns.
    public func columnNames(basis: FittedTimeBasis) -> [String] {
        var names = ["(intercept)"]
        switch basis.basis {
        case .polynomial(let degree): names += (1...max(degree, 1)).prefix(degree).map { $0 == 1 ? "t" : "t^\($0)" }
        case .naturalSpline(let df): names += (1...max(df, 1)).prefix(df).map { "ns\($0)" }
        }
        if dayOfWeek { names += ["Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] }
        return names
    }

    /// The design row at time `t` (days since `origin`).
    func designRow(_ t: Double, basis: FittedTimeBasis, origin: Date) -> [Double] {
        var row = [1.0] + basis.row(t)
        if dayOfWeek {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let weekday = calendar.component(.weekday, from: origin.addingTimeInterval(t * 86_400))  // 1 = Sunday
            let mondayBased = (weekday + 5) % 7    // 0 = Monday ... 6 = Sunday
            row += (1...6).map { mondayBased == $0 ? 1 : 0 }
        }
        return row
    }

    func designMatrix(times: [Double], basis: FittedTimeBasis, origin: Date) -> Matrix {
        Matrix(rowMajor: times.map { designRow($0, basis: basis, origin: origin) })
    }
}

import Foundation
import InflowCore
import Testing
@testable import InflowModels

/// Parameter intervals stay inside each parameter's range: built on the log, logit or natural scale by the delta
/// method and transformed back (closed forms written out here from the fit's own estimates and standard errors).
@Suite("Parameter intervals")
struct ParameterIntervalTests {
    /// Closed forms are evaluated with the same few operations: they agree to rounding.
    static let closedFormTolerance = 1e-12
    static let z95 = 1.959963984540054

    func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    /// release-lomax on the bundled figures: the hazard `h` (in the family's range [0, 50]) has a symmetric interval
    /// reaching below 0; on the logit scale of `h / 50` it is `50 expit(logit(h / 50) ± z SE / (50 s (1 - s)))`,
    /// `s = h / 50`, inside the range. The onset `t0` (unbounded) keeps `t0 ± z SE`.
    @Test func positiveParametersOnTheLogScaleUnboundedOnTheirOwn() throws {
        let fit = try StaggeredRelease.lomax.fit(try embassySeries(), error: .negativeBinomial)
        let intervals = fit.confidenceIntervals()
        let h = try #require(fit.parameters["h"]), seH = try #require(fit.standardErrors["h"])
        #expect(h - Self.z95 * seH < 0, "the symmetric interval of this fit's h reaches below 0")
        let hInterval = try #require(intervals["h"])
        #expect(hInterval.lower > 0)
        let range = StaggeredRelease.lomax.parameters[1]
        #expect(range.name == "h" && range.lowerBound == 0 && range.upperBound == 50)
        let share = h / 50, spread = Self.z95 * seH / (50 * share * (1 - share))
        func expit(_ u: Double) -> Double { 1 / (1 + exp(-u)) }
        #expect(relative(hInterval.lower, 50 * expit(log(share / (1 - share)) - spread)) < Self.closedFormTolerance)
        #expect(relative(hInterval.upper, 50 * expit(log(share / (1 - share)) + spread)) < Self.closedFormTolerance)
        // Far from the upper limit that is the log scale's interval, h exp(± z SE / h), to within 1%.
        #expect(relative(hInterval.lower, h * exp(-Self.z95 * seH / h)) < 0.01)

        let t0 = try #require(fit.parameters["t0"]), seT0 = try #require(fit.standardErrors["t0"])
        let t0Interval = try #require(intervals["t0"])
        #expect(relative(t0Interval.lower, t0 - Self.z95 * seT0) < Self.closedFormTolerance)
        #expect(relative(t0Interval.upper, t0 + Self.z95 * seT0) < Self.closedFormTolerance)

        // Every interval of every family's fit lies inside the family's bounds; the table says the same.
        for family in [Logistic(), Gompertz(), Richards(), StaggeredRelease.lomax, StaggeredRelease.twoWaves] as [any CurveFamily] {
            let fit = try family.fit(try embassySeries(), error: .negativeBinomial)
            let table = fit.parameterTable()
            for (index, parameter) in family.parameters.enumerated() where !fit.fixed[index] && !fit.isAtBound(index) {
                let row = table[index]
                guard row.lower.isFinite else { continue }
                #expect(row.lower >= parameter.lowerBound && row.upper <= parameter.upperBound,
                        "\(family.name) \(parameter.name): [\(row.lower), \(row.upper)]")
                #expect(row.lower <= row.value && row.value <= row.upper)
                #expect(row.lower == fit.confidenceIntervals()[parameter.name]?.lower)
            }
        }
    }

    /// A share bounded by 0 and 1 is on the logit scale, `expit(logit p ± z SE / (p (1 - p)))`; a parameter bounded
    /// below by `L` other than 0 on the log scale of `x - L`; one bounded above only on the log scale of `U - x`.
    @Test func sharesOnTheLogitScaleShiftedBoundsOnTheLogScale() {
        let share = CurveFit.waldInterval(estimate: 0.8, standardError: 0.3, lowerBound: 0, upperBound: 1, z: Self.z95)
        let logit = log(0.8 / 0.2), spread = Self.z95 * 0.3 / (0.8 * 0.2)
        func expit(_ u: Double) -> Double { 1 / (1 + exp(-u)) }
        #expect(relative(share.lower, expit(logit - spread)) < Self.closedFormTolerance)
        #expect(relative(share.upper, expit(logit + spread)) < Self.closedFormTolerance)
        #expect(share.upper < 1, "the symmetric interval, 0.8 ± 0.59, would pass 1")

        let shifted = CurveFit.waldInterval(estimate: 3, standardError: 1.5, lowerBound: 1, upperBound: .infinity, z: Self.z95)
        #expect(relative(shifted.lower, 1 + 2 * exp(-Self.z95 * 1.5 / 2)) < Self.closedFormTolerance)
        #expect(relative(shifted.upper, 1 + 2 * exp(Self.z95 * 1.5 / 2)) < Self.closedFormTolerance)

        let above = CurveFit.waldInterval(estimate: -2, standardError: 1, lowerBound: -.infinity, upperBound: 0, z: Self.z95)
        #expect(relative(above.lower, -2 * exp(Self.z95 / 2)) < Self.closedFormTolerance)
        #expect(relative(above.upper, -2 * exp(-Self.z95 / 2)) < Self.closedFormTolerance)

        // Small standard errors: the transformed interval is the symmetric one to first order.
        let narrow = CurveFit.waldInterval(estimate: 2_000, standardError: 2, lowerBound: 0, upperBound: .infinity, z: Self.z95)
        #expect(abs(narrow.lower - (2_000 - Self.z95 * 2)) < 0.01 && abs(narrow.upper - (2_000 + Self.z95 * 2)) < 0.01)
        // No standard error, or an estimate on its bound: the symmetric interval (tables show none at a bound).
        #expect(CurveFit.waldInterval(estimate: 0, standardError: 1, lowerBound: 0, upperBound: .infinity, z: 2) == (-2, 2))
        #expect(CurveFit.waldInterval(estimate: 5, standardError: 0, lowerBound: 0, upperBound: .infinity, z: 2) == (5, 5))
    }

    /// The peak rate and the doubling time are positive: their delta-method intervals are those of their logarithms.
    @Test func positiveDerivedQuantitiesOnTheLogScale() throws {
        let fit = try Logistic().fit(try embassySeries(), error: .negativeBinomial)
        for estimate in [fit.peakRate(), fit.doublingTime()] {
            #expect(estimate.method == "wald, log scale")
            #expect(estimate.lower > 0 && estimate.lower < estimate.value && estimate.value < estimate.upper)
            let spread = Self.z95 * estimate.standardError / estimate.value
            #expect(relative(estimate.lower, estimate.value * exp(-spread)) < Self.closedFormTolerance)
            #expect(relative(estimate.upper, estimate.value * exp(spread)) < Self.closedFormTolerance)
        }
        #expect(fit.peakTime().method == "wald")
    }
}

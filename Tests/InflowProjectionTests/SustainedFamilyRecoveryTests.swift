import Foundation
import InflowCore
import InflowModels
import Testing
@testable import InflowProjection

/// The sustained-inflow families recover their parameters from series simulated with them (60 daily counts,
/// NB2 noise with theta 30): over eight series, the median relative error of each parameter (absolute error
/// for onsets and shares, in days and share points) stays within the bar, and the 95% Wald interval of the
/// final size covers the truth in most series.
@Suite("Sustained-inflow families recover their parameters")
struct SustainedFamilyRecoveryTests {
    struct Case: Sendable {
        let family: any CurveFamily
        let truth: [Double]
        /// Per parameter: the largest median error (relative, or absolute for onsets, gaps and shares).
        let bars: [Double]
        let absolute: Set<String>
    }

    /// Median relative error of sizes and rates within 15-40% (shapes are the hardest to pin down), onsets
    /// and gaps within half a day, shares within 0.1: on 60 days of noisy counts these are what a correct
    /// likelihood and fitter give (a wrong derivative or a wrong formula misses them by far).
    static let cases: [Case] = [
        Case(family: StaggeredRelease.lomax, truth: [3000, 0.5, 2, 2], bars: [0.15, 0.25, 0.4, 0.5],
             absolute: ["t0"]),
        Case(family: StaggeredRelease.twoWaves, truth: [4000, 0.3, 1, 5, 0.4, 3], bars: [0.15, 0.1, 0.5, 0.5, 0.3, 0.5],
             absolute: ["f", "t1", "d2"]),
        Case(family: StaggeredRelease.threeWaves, truth: [4000, 0.3, 0.5, 1, 8, 8, 0.6],
             bars: [0.1, 0.1, 0.1, 0.5, 0.5, 0.5, 0.2], absolute: ["a", "b", "t1", "d2", "d3"]),
        Case(family: LogLogisticRelease(), truth: [3000, 6, 3, 1], bars: [0.15, 0.15, 0.25, 0.5], absolute: ["t0"]),
    ]

    @Test(arguments: 0..<cases.count)
    func recovers(caseIndex: Int) throws {
        let c = Self.cases[caseIndex]
        let simulator = Simulator(family: c.family, parameters: c.truth, error: .negativeBinomial, noiseParameter: 30)
        var errors = [[Double]](repeating: [], count: c.truth.count)
        var covered = 0
        for seed in 1...8 {
            let series = simulator.simulate(days: 60, seed: UInt64(100 * caseIndex + seed))
            let fit = try c.family.fit(series, error: .negativeBinomial)
            #expect(fit.status.isConverged || { if case .nonIdentifiable = fit.status { true } else { false } }(),
                    "\(c.family.name) seed \(seed): \(fit.status)")
            for (j, parameter) in c.family.parameters.enumerated() {
                let estimate = fit.estimates[j]
                let error = c.absolute.contains(parameter.name) ? abs(estimate - c.truth[j])
                    : abs(estimate - c.truth[j]) / abs(c.truth[j])
                errors[j].append(error)
            }
            if let interval = fit.confidenceIntervals()["N"], interval.lower <= c.truth[0], c.truth[0] <= interval.upper {
                covered += 1
            }
        }
        for (j, parameter) in c.family.parameters.enumerated() {
            let median = errors[j].sorted()[errors[j].count / 2]
            #expect(median <= c.bars[j], "\(c.family.name) \(parameter.name): median error \(median) (errors \(errors[j]))")
        }
        #expect(covered >= 5, "\(c.family.name): the final size's 95% interval covered the truth in \(covered) of 8 series")
    }
}

import Foundation
import Testing
import InflowModels
import InflowProjection

/// Coverage of projection intervals on 400 simulated series (the issue asks for at least 200; 400 cuts
/// the binomial noise of the measured coverage by a factor 1.4, to about 2.5 points at 50%) (issue: nominal 90% intervals of the
/// 7-day-ahead cumulative total cover 85-95% of truths, nominal 50% cover 42-58%).
///
/// About 40,000 refits: it runs in release builds (`make test` runs this suite with
/// `swift test -c release`, where it takes seconds; in a debug build it would take minutes),
/// enabled by the environment variable `INFLOW_RELEASE_TESTS`.
@Suite("Calibration on simulated series", .enabled(if: ProcessInfo.processInfo.environment["INFLOW_RELEASE_TESTS"] != nil))
struct CalibrationTests {
    /// Four processes with NB2 noise (theta 15), 20 observed days, 100 series each.
    static let scenarios = [
        CalibrationStudy.Scenario(family: Logistic(), parameters: [3000, 0.35, 14], theta: 15),
        CalibrationStudy.Scenario(family: Gompertz(), parameters: [2500, 0.25, 10], theta: 15),
        CalibrationStudy.Scenario(family: Richards(), parameters: [2800, 0.4, 12, 1.8], theta: 15),
        CalibrationStudy.Scenario(family: ReleaseFromPool(), parameters: [2000, 0.15, 1.5], theta: 15),
    ]

    static let study = CalibrationStudy(scenarios: scenarios, seriesPerScenario: 100, observedDays: 20, ahead: 7,
                                        replicates: 400, seed: 2026)

    @Test func matchingFamilyIntervalsCover() {
        let result = Self.study.run()
        print("calibration, matching family: \(result)")
        #expect(result.series + result.failures == 400)
        #expect(result.coverage90 >= 0.85 && result.coverage90 <= 0.95, "90%: \(result.coverage90)")
        #expect(result.coverage50 >= 0.42 && result.coverage50 <= 0.58, "50%: \(result.coverage50)")
    }

    /// The same study fitted with the wrong family (logistic for every process): no bar, the
    /// figures are reported in the closing note.
    @Test func wrongFamilyIsReported() {
        let result = Self.study.run(fitting: { _ in Logistic() })
        print("calibration, logistic for every process: \(result)")
        #expect(result.series > 0)
    }
}

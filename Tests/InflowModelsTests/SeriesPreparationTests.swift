import InflowCore
import Foundation
import Testing
import InflowModels

@Suite("Series preparation rules")
struct SeriesPreparationTests {
    let day = 86_400.0
    let origin = Date(timeIntervalSince1970: 1_768_496_400)   // 2026-01-16T00:00+07:00

    func dates(_ days: [Double]) -> [Date] { days.map { origin.addingTimeInterval($0 * day) } }

    @Test func cumulativeTotalsBecomeIntervalCounts() {
        let series = InflowSeries(kind: .cumulative, origin: origin, times: dates([1, 2, 3.5]), values: [10, 25, 40])
        let prepared = series.prepared()
        #expect(prepared.intervals == [CountInterval(start: 0, end: 1, count: 10),
                                       CountInterval(start: 1, end: 2, count: 15),
                                       CountInterval(start: 2, end: 3.5, count: 15)])
    }

    @Test func missingIsNotZeroAndTheNextTotalCoversTheGap() {
        let series = InflowSeries(kind: .cumulative, origin: origin, times: dates([1, 2, 3]), values: [10, nil, 40])
        let prepared = series.prepared()
        #expect(prepared.intervals == [CountInterval(start: 0, end: 1, count: 10), CountInterval(start: 1, end: 3, count: 30)])
        #expect(prepared.warnings.map(\.kind) == [.missingValue])
        #expect(prepared.observedTotal == 40)
    }

    @Test func decreasingTotalIsACorrectionThatMergesIntervals() {
        // 50 at day 2 was corrected to 45 at day 3: the day-2 report is superseded.
        let series = InflowSeries(kind: .cumulative, origin: origin, times: dates([1, 2, 3, 4]), values: [20, 50, 45, 60])
        let prepared = series.prepared()
        #expect(prepared.intervals == [CountInterval(start: 0, end: 1, count: 20),
                                       CountInterval(start: 1, end: 3, count: 25),
                                       CountInterval(start: 3, end: 4, count: 15)])
        #expect(prepared.warnings.count == 1)
        #expect(prepared.warnings[0].kind == .decreasingCumulative)
        #expect(prepared.warnings[0].message.contains("row 3"))
        #expect(prepared.warnings[0].message.contains("supersedes 1 earlier total"))
        #expect(prepared.intervals.allSatisfy { $0.count >= 0 })
    }

    @Test func baselineWhenTheOriginIsUnknown() {
        let series = InflowSeries(kind: .cumulative, times: dates([1, 2, 3]), values: [100, 130, 150])
        let prepared = series.prepared()
        #expect(prepared.baseline == 100)
        // The origin is then the first report (day 0), whose total is the baseline.
        #expect(prepared.intervals == [CountInterval(start: 0, end: 1, count: 30), CountInterval(start: 1, end: 2, count: 20)])
    }

    @Test func countsNegativeNaNAndDuplicates() {
        let series = InflowSeries(kind: .counts, origin: origin, times: dates([0, 1, 1, 2, 3]),
                                  values: [5, 7, 8, -1, .nan])
        let prepared = series.prepared()
        #expect(prepared.intervals == [CountInterval(start: 0, end: 1, count: 5), CountInterval(start: 1, end: 2, count: 8)])
        #expect(Set(prepared.warnings.map(\.kind)) == [.duplicateTime, .negativeCount, .nonFiniteValue])
    }
}

@Suite("Degenerate inputs end with a clear status")
struct DegenerateInputTests {
    func counts(_ values: [Double?]) -> InflowSeries {
        InflowSeries(kind: .counts, days: (0..<values.count).map(Double.init), values: values)
    }

    @Test func allZeros() {
        #expect(throws: CurveFitError.noArrivals) { try Logistic().fit(counts(Array(repeating: 0, count: 10))) }
    }

    @Test func oneObservationAndFewerThanParameters() {
        #expect(throws: CurveFitError.tooFewObservations(observations: 1, freeParameters: 3)) {
            try Logistic().fit(counts([12]))
        }
        #expect(throws: CurveFitError.tooFewObservations(observations: 3, freeParameters: 5)) {
            try Richards().fit(counts([3, 5, 9]), error: .negativeBinomial)
        }
    }

    @Test func constantSeriesIsNotPassedOffAsAConvergedLogisticFit() throws {
        let constant = counts(Array(repeating: 20, count: 15))
        // A constant inflow is exponential growth with r = 0: identified and converged.
        let exponential = try ExponentialGrowth().fit(constant)
        #expect(exponential.status.isConverged, "\(exponential.status)")
        #expect(abs(exponential.parameters["r"]!) < 1e-6)
        #expect(abs(exponential.parameters["c0"]! - 20) < 1e-6)
        // A logistic has no finite optimum (K -> inf, r -> 0): the status must say so.
        let logistic = try Logistic().fit(constant)
        #expect(!logistic.status.isConverged, "\(logistic.status)")
        #expect(!logistic.warnings.isEmpty)
        #expect(logistic.fitted.allSatisfy { abs($0 - 20) < 1 })
    }

    @Test func hugeCounts() throws {
        let truth = SIMD8<Double>(3e10, 0.8, 10, 0, 0, 0, 0, 0)
        let logistic = Logistic()
        let values = (0..<20).map { (logistic.cumulative(at: Double($0 + 1), truth) - logistic.cumulative(at: Double($0), truth)).rounded() }
        #expect(values.max()! > 1e9)
        let fit = try logistic.fit(counts(values), error: .poisson)
        #expect(fit.status.isConverged, "\(fit.status)")
        #expect(abs(fit.parameters["K"]! / 3e10 - 1) < 1e-6)
    }

    @Test func nanAndMissingValuesAreLeftOut() throws {
        var values: [Double?] = [4, 9, 20, 38, 60, 75, 70, 52, 33, 18, 9, 4]
        values[3] = .nan
        values[7] = nil
        let fit = try Logistic().fit(counts(values))
        #expect(fit.observationCount == 10)
        #expect(fit.warnings.contains { $0.contains("row 4") })
        #expect(fit.warnings.contains { $0.contains("row 8") })
        #expect(fit.status.isConverged, "\(fit.status)")
    }

    @Test func decreasingCumulativeTotalIsFittedWithAWarning() throws {
        let totals: [Double?] = [5, 15, 40, 90, 170, 250, 240, 330, 360, 375, 382]
        let series = InflowSeries(kind: .cumulative, days: (1...11).map(Double.init), values: totals)
        let fit = try Logistic().fit(series, error: .negativeBinomial)
        #expect(fit.warnings.contains { $0.contains("below the previous total") })
        #expect(fit.status.isConverged, "\(fit.status)")
    }

    @Test func levelDataNeedGaussianErrors() {
        let series = InflowSeries(kind: .level, days: [0, 1, 2, 3], values: [1, 2, 3, 4])
        #expect(throws: CurveFitError.self) { try Logistic().fit(series, error: .poisson) }
    }

    @Test func unknownParameterNamesAreRejected() {
        #expect(throws: CurveFitError.unknownParameter(name: "Q", family: "logistic", known: ["K", "r", "t0"])) {
            try Logistic().fit(counts([1, 2, 3, 4, 5]), options: FitOptions(fixed: ["Q": 1]))
        }
    }
}

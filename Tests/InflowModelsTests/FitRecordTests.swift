import InflowCore
import Foundation
import Testing
import InflowModels

@Suite("Codable fits: a decoded fit predicts and summarises as the original")
struct FitRecordTests {
    let reference: ResultsAPIReference
    init() throws { reference = try ResultsAPIReference.load() }

    func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }

    /// The same numbers bit for bit, NaN included (an interval not computed is NaN, and NaN != NaN).
    func sameBits(_ a: [CurvePrediction], _ b: [CurvePrediction]) -> Bool {
        func bits(_ row: CurvePrediction) -> [UInt64] {
            [row.time, row.date.timeIntervalSinceReferenceDate, row.period, row.level]
                .map(\.bitPattern)
                + [row.cumulative, row.perPeriod].flatMap { [$0.mean, $0.standardError, $0.lower, $0.upper].map(\.bitPattern) }
        }
        return a.count == b.count && zip(a, b).allSatisfy { bits($0) == bits($1) }
    }

    @Test(arguments: [ErrorFamily.poisson, .negativeBinomial])
    func curveFitRoundTrips(_ error: ErrorFamily) throws {
        var options = FitOptions()
        options.background = .estimated
        options.fixed = error == .poisson ? ["t0": 6] : [:]
        let fit = try Logistic().fit(reference.series, error: error, options: options)
        let decoded = try roundTrip(fit)
        let times = [0, 3.5, 13, 14, 30]
        #expect(sameBits(decoded.predict(at: times), fit.predict(at: times)))
        #expect(decoded.summaryTable() == fit.summaryTable())
        #expect(decoded.tidy() == fit.tidy())
        #expect(decoded.glance() == fit.glance())
        #expect(decoded.parameterTable(level: 0.9) == fit.parameterTable(level: 0.9))
        #expect(decoded.residuals(seed: 3) == fit.residuals(seed: 3))
        #expect(decoded.status == fit.status && decoded.warnings == fit.warnings)
        #expect(decoded.observations.responses == fit.observations.responses)
        #expect(decoded.family.name == "logistic" && decoded.options.background == .estimated)
        #expect(decoded.options.fixed == fit.options.fixed)
        // The profile interval refits from the saved observations and options.
        #expect(decoded.finalSize() == fit.finalSize())
    }

    @Test func cumulativeFiguresWithBoundsRoundTrip() throws {
        let fit = try Logistic().fit(try embassySeries(), error: .negativeBinomial)
        let decoded = try roundTrip(fit)
        #expect(decoded.observations.intervals == fit.observations.intervals)
        #expect(decoded.observations.baseline == fit.observations.baseline)
        #expect(decoded.observations.timeZone.secondsFromGMT() == fit.observations.timeZone.secondsFromGMT())
        #expect(sameBits(decoded.predict(at: [1, 9, 20]), fit.predict(at: [1, 9, 20])))
        #expect(decoded.summaryTable() == fit.summaryTable())
    }

    @Test(arguments: [ErrorFamily.poisson, .negativeBinomial])
    func logLinearFitRoundTrips(_ error: ErrorFamily) throws {
        let model = LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 3), dayOfWeek: false)
        let fit = try model.fit(reference.series, error: error)
        let decoded = try roundTrip(fit)
        let times = [0, 2.5, 13, 16.5]
        #expect(decoded.predict(at: times) == fit.predict(at: times))
        #expect(decoded.summaryTable() == fit.summaryTable())
        #expect(decoded.design.elements == fit.design.elements)
        #expect(decoded.offset == fit.offset)
        #expect(decoded.residuals(seed: 5) == fit.residuals(seed: 5))
    }

    /// Day-of-week effects read in a zone seven hours east of UTC keep their zone through JSON.
    @Test func weekdayEffectsKeepTheirTimeZone() throws {
        let zone = try #require(TimeZone(secondsFromGMT: 7 * 3600))
        let model = LogLinearModel(basis: .polynomial(degree: 1), dayOfWeek: true, timeZone: zone)
        let fit = try model.fit(reference.series, error: .poisson)
        let decoded = try roundTrip(fit)
        #expect(decoded.model.timeZone.secondsFromGMT() == 7 * 3600)
        #expect(decoded.design.elements == fit.design.elements)
        let times = (0..<7).map { 14 + Double($0) + 0.9 }    // late evening UTC: the next day in the zone
        #expect(decoded.predict(at: times) == fit.predict(at: times))
    }

    @Test func anUnknownFamilyIsRefusedByName() throws {
        let fit = try Logistic().fit(reference.series, error: .poisson)
        var record = CurveFitRecord(fit)
        record.family = "logistc"
        #expect(throws: CurveFitRecord.Failure.unknownFamily("logistc")) { try record.fit() }
        record.family = "richards"
        #expect(throws: CurveFitRecord.Failure.self) { try record.fit() }
    }
}

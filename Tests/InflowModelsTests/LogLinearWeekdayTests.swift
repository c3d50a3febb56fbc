import Foundation
import InflowCore
import InflowModels
import Testing

/// Day-of-week effects are read on the series' clock: a daily count starts at local midnight, which in UTC+7 is
/// 17:00 of the day before in UTC, so reading weekdays in UTC would put every count on the wrong day.
@Suite("Log-linear weekdays in the series' time zone")
struct LogLinearWeekdayTests {
    /// Tolerance of the closed-form check (IRLS converged to its default tolerance).
    static let coefficientTolerance = 1e-6

    static let phnomPenh = TimeZone(secondsFromGMT: 7 * 3600)!

    /// Three weeks of daily counts from local midnight of Monday 5 January 2026 in UTC+7: 100 on local Sundays,
    /// 10 on every other day.
    static func series() -> InflowSeries {
        let start = TimeText.startOfDay(CivilDate(year: 2026, month: 1, day: 5), in: phnomPenh)
        let times = (0..<21).map { start.addingTimeInterval(Double($0) * 86_400) }
        let values: [Double?] = (0..<21).map { $0 % 7 == 6 ? 100 : 10 }
        return InflowSeries(name: "weekly", kind: .counts, times: times, values: values, timeZone: phnomPenh)
    }

    @Test("without a time zone the fit reads weekdays on the series' clock: Sunday's effect is log(100/10)")
    func seriesClock() throws {
        let model = LogLinearModel(basis: .polynomial(degree: 1), dayOfWeek: true)
        let fit = try model.fit(Self.series(), error: .poisson)
        #expect(fit.model.timeZone == Self.phnomPenh)
        let sunday = try #require(fit.coefficientNames.firstIndex(of: "Sun"))
        // Counts exactly periodic by weekday: the Poisson MLE has no trend and Sunday's log ratio to Monday.
        #expect(abs(fit.coefficients[sunday] - log(10)) < Self.coefficientTolerance)
        for day in ["Tue", "Wed", "Thu", "Fri", "Sat"] {
            let index = try #require(fit.coefficientNames.firstIndex(of: day))
            #expect(abs(fit.coefficients[index]) < Self.coefficientTolerance, "\(day)")
        }
        let explicit = try LogLinearModel(basis: .polynomial(degree: 1), dayOfWeek: true, timeZone: Self.phnomPenh)
            .fit(Self.series(), error: .poisson)
        #expect(explicit.coefficients == fit.coefficients)
    }

    @Test("a time zone given is used as given (UTC moves every local-midnight count to the day before)")
    func explicitZone() throws {
        let utc = TimeZone(secondsFromGMT: 0)!
        let fit = try LogLinearModel(basis: .polynomial(degree: 1), dayOfWeek: true, timeZone: utc)
            .fit(Self.series(), error: .poisson)
        #expect(fit.model.timeZone == utc)
        let saturday = try #require(fit.coefficientNames.firstIndex(of: "Sat"))
        #expect(abs(fit.coefficients[saturday] - log(10)) < Self.coefficientTolerance)
    }
}

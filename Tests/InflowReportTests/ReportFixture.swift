import Foundation
import InflowCore
import InflowModels
import InflowProjection
import InflowReport

/// A report input built from real fits and projections of the bundled January 2026 figures,
/// with two provinces, one of them named like an injection attempt.
enum ReportFixture {
    static let timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
    static let hostileKey = "<script>alert(1)</script>"
    static let quotedKey = "Kandal | \"Ta Khmau\""

    /// A local time in UTC+7.
    static func local(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: 2026, month: month, day: day, hour: hour, minute: minute))!
    }

    static let times = [
        local(1, 17, 23, 59), local(1, 18, 23, 59), local(1, 19, 23, 59), local(1, 20, 21, 0),
        local(1, 21, 23, 59), local(1, 22, 23, 59), local(1, 23, 17, 0), local(1, 24, 23, 59),
    ]
    static let totals: [Double] = [243, 308, 911, 1440, 1726, 1950, 2117, 2277]
    static let origin = local(1, 16, 0, 0)

    static let provenance = [
        "Indonesian nationals reporting to the Indonesian embassy (KBRI) in Phnom Penh after leaving online-scam compounds, January 2026.",
        "Figures from different releases do not always add up exactly (e.g. 520 vs 911-308=603 for Jan 19); they are kept as published.",
    ]

    static func series(name: String, share: Double) -> InflowSeries {
        InflowSeries(name: name, kind: .cumulative, origin: origin, times: times,
                     values: totals.map { ($0 * share).rounded() })
    }

    /// The fixture, built once (fits and bootstraps take a few seconds).
    static let shared: Result<ReportInput, any Error> = Result { try makeInput() }

    static func input() throws -> ReportInput { try shared.get() }

    static func makeInput(keyed: Bool = true) throws -> ReportInput {
        let national = series(name: "KBRI Phnom Penh", share: 1)
        let options = ProjectionOptions(horizon: 30, replicates: 200, seed: 1)
        let logistic = try Logistic().fit(national, error: .negativeBinomial)
        let gompertz = try Gompertz().fit(national, error: .negativeBinomial)
        let logisticProjection = try CurveProjector.project(logistic, options: options)
        let gompertzProjection = try CurveProjector.project(gompertz, options: options)
        let labels = [logistic.id, gompertz.id]
        let weights = Ensemble.akaikeWeights([logistic.aicc, gompertz.aicc])
        let ensemble = Ensemble.combine([logisticProjection, gompertzProjection], weights: weights)
        let backtest = Backtest.run(Logistic(), error: .negativeBinomial, series: national,
                                    options: BacktestOptions(horizon: 3, replicates: 50, seed: 1))

        var keys: [String: KeyedSeries] = [:]
        if keyed {
            for (index, (name, share)) in [(hostileKey, 0.6), (quotedKey, 0.4)].enumerated() {
                let keySeries = series(name: name, share: share)
                let fit = try Logistic().fit(keySeries)
                var keyOptions = options
                keyOptions.seriesIndex = index + 1
                keys[name] = KeyedSeries(observed: keySeries, projection: try CurveProjector.project(fit, options: keyOptions))
            }
        }
        return ReportInput(
            datasetName: "kbri-phnom-penh-2026-01", provenance: provenance,
            dataSource: "bundled dataset kbri-phnom-penh-2026-01", observed: national, location: "national",
            fits: [logistic, gompertz],
            modelWeights: Dictionary(uniqueKeysWithValues: zip(labels, weights)), ensembleMethod: .aicc,
            projections: [labels[0]: logisticProjection, labels[1]: gompertzProjection, ensemble.model: ensemble],
            headlineProjection: ensemble.model, backtest: backtest, keyName: "province", keyed: keys,
            warnings: ["Row 4: the time <b>21:00</b> & a 'quoted' note were kept as published"],
            seed: 1, replicates: 200, horizon: 30, toolVersion: "inflow 0.1.0-test",
            generatedAt: local(1, 25, 10, 0), timeZone: timeZone)
    }
}

import Foundation
import InflowAnalysis
import InflowCore
import InflowModels
import InflowProjection
import InflowProvinces

extension Chart {
    /// The report's chart of daily arrivals for one series' analysis: observed arrivals per day between reports
    /// (with published bounds as arrows), the fitted rate curve of `model` (background included), the log-linear
    /// fit if there is one, and `model`'s projection as a fan (median, 50% and 90% intervals of new arrivals per
    /// day). Dates are local days of the series' ``/InflowCore/InflowSeries/timeZone``.
    ///
    /// ```swift
    /// let result = try Analysis.run(try BundledDataset.defaultDataset.load())
    /// try Chart.fit(result.total).write(to: URL(fileURLWithPath: "daily.svg"))
    /// ```
    /// - Parameters:
    ///   - analysis: one series' analysis (``/InflowAnalysis/AnalysisResult/total`` or a key's).
    ///   - model: whose fit and projection to draw (default: the headline, a weighted ensemble's fan
    ///     with the fit of the largest weight); a model without a projection falls back to the headline's.
    /// - Complexity: one summary (23 quantiles) of each projected period, and 241 evaluations of the curve.
    public static func fit(_ analysis: SeriesAnalysis, model: ModelID? = nil) -> Chart {
        ReportBuilder(ReportInput(series: analysis, headline: model)).observedFittedChart()
    }

    /// The daily-arrivals chart of one curve fit: the series' observed arrivals per day, the fit's rate curve and,
    /// when given, a projection's fan (``fit(_:model:)`` without an analysis).
    /// - Parameters:
    ///   - fit: the curve fit whose rate curve is drawn.
    ///   - series: the series the fit was made to (its figures are drawn; its time zone names the days).
    ///   - projection: a projection to draw as a fan, usually the fit's.
    /// - Complexity: as ``fit(_:model:)``.
    public static func fit(_ fit: CurveFit, series: InflowSeries, projection: Projection? = nil) -> Chart {
        let input = ReportInput(datasetName: series.name, observed: series, fits: [fit],
                                projections: projection.map { [$0.model: $0] } ?? [:],
                                headlineProjection: projection?.model ?? fit.id)
        return ReportBuilder(input).observedFittedChart()
    }

    /// A fan chart of a projection's new arrivals per day (median, 50% and 90% intervals, each period's count
    /// divided by its length, at the period's end), after the observed arrivals per day of `observed` if given.
    /// - Complexity: one summary (23 quantiles) of each projected period.
    public static func fan(_ projection: Projection, observed: InflowSeries? = nil) -> Chart {
        let series = observed ?? InflowSeries(name: projection.model.description, kind: .counts, origin: projection.origin,
                                              times: [], values: [], timeZone: projection.timeZone)
        let input = ReportInput(datasetName: series.name, observed: series, fits: [],
                                projections: [projection.model: projection], headlineProjection: projection.model)
        return ReportBuilder(input).observedFittedChart().withoutEmptySeries()
    }

    /// The chart without series that have no point, and without their legend entries (a fan drawn without
    /// observed figures has no "Observed" entry).
    func withoutEmptySeries() -> Chart {
        let kept = series.filter { !$0.points.isEmpty }
        let removed = Set(series.filter { $0.points.isEmpty }.compactMap(\.legendLabel))
        var chart = self
        chart.series = kept
        chart.legend = legend.filter { !removed.contains($0.label) }
        return chart
    }

    /// The report's chart of cumulative arrivals: the observed totals (bounds as arrows), `model`'s projected total
    /// (median and 90% interval) and, when the data bound it, the final size (observed plus the remaining pool,
    /// median and 90% interval). The chart's notes say when the interval reaches above the drawn range.
    /// - Parameters:
    ///   - analysis: one series' analysis (``/InflowAnalysis/AnalysisResult/total`` or a key's).
    ///   - model: whose projection to draw (default: the headline).
    /// - Complexity: one summary of each projected period and of the remaining pool.
    public static func cumulative(_ analysis: SeriesAnalysis, model: ModelID? = nil) -> Chart {
        ReportBuilder(ReportInput(series: analysis, headline: model)).cumulativeChart().chart
    }

    /// The report's per-key small multiples: for each key of the analysis' hierarchy, its observed arrivals per
    /// day and its projection's median and 90% interval, every panel on the same scale (the largest observed rate
    /// or projected median of any key, with a tenth of headroom; bands cut above it, and the panel's notes say
    /// so). Without key columns there are no panels.
    /// - Complexity: one summary of each projected period of each key.
    public static func smallMultiples(_ result: AnalysisResult) -> SmallMultiples {
        let input = ReportInput(analysis: result, toolVersion: InflowVersion.current)
        let charts = ReportBuilder(input).keyCharts().charts
        return SmallMultiples(title: "Daily arrivals by \(input.keyName): observed and projected (median, 90% interval)",
                              charts: charts)
    }

    /// The report's province small multiples of a split by province of origin (``/InflowAnalysis/AnalysisOptions/provincial``):
    /// for the provinces expected to send the most over the horizon (up to nine, largest first), each one's share of
    /// the national projection as new arrivals per day (median and 90% interval), all on one scale (a tenth above
    /// the highest 90% upper end). Without a provincial split there are no panels.
    /// - Complexity: one summary of each projected period of each province.
    public static func provinces(_ result: AnalysisResult) -> SmallMultiples {
        guard let provincial = result.provincial else {
            return SmallMultiples(title: "Daily arrivals by province of origin", charts: [])
        }
        let input = ReportInput(analysis: result, toolVersion: InflowVersion.current)
        let split = provincial.projection
        let charts = ReportBuilder(input).originCharts(split, outlooks: ProvinceOutlook.all(split, fit: provincial.fit)).charts
        return SmallMultiples(title: "Daily arrivals from the \(charts.count) provinces expected to send the most "
                                  + "(median, 90% interval)", charts: charts)
    }
}

import InflowCore
import Foundation
import InflowArchive
import InflowModels
import InflowProjection
import InflowStatistics

/// Builds a ``ReportDocument`` (and the ``ForecastTable``s of a ``SavedReport``) from a ``ReportInput``.
///
/// Sections, in order (``ReportSectionID``): headline numbers, observed and fitted inflow with
/// the projection fan, cumulative arrivals with the remaining pool, model comparison,
/// backtest, per-key small multiples (or, with a provincial analysis, arrivals by province of origin),
/// diagnostics, provenance, method. Counts are rounded to
/// whole people; intervals are central 90% intervals of the predictive samples.
///
/// ```swift
/// let builder = ReportBuilder(input)
/// let html = HTMLRenderer().render(builder.document())
/// let json = try JSONRenderer().render(builder.savedReport())
/// ```
/// - Complexity: dominated by the final-size intervals of the model-comparison table
///   (a profile likelihood, 30–60 refits per fit) and the quantiles of each projection.
public struct ReportBuilder: Sendable {
    /// What the report is built from.
    public let input: ReportInput

    /// A builder of the report on `input`.
    public init(_ input: ReportInput) {
        self.input = input
    }

    /// The report document.
    public func document() -> ReportDocument {
        let sections = [
            headlineSection(), observedFittedSection(), cumulativeSection(), modelComparisonSection(),
            sensitivitySection(), backtestSection(), retrospectiveSection(), archiveSection(), keysSection(), originsSection(),
            diagnosticsSection(),
            provenanceSection(), methodSection(),
        ]
        var subtitle = "Dataset: \(input.datasetName)"
        if let last = lastObservationDate {
            subtitle += " · last report \(ReportFormat.dateTime(last, timeZone: timeZone)) (\(utcOffset))"
        }
        if let name = headlineName { subtitle += " · model: \(label(name))" }
        return ReportDocument(title: input.title, datasetName: input.datasetName,
                              generatedAt: ReportFormat.iso8601(input.generatedAt), toolVersion: input.toolVersion,
                              subtitle: subtitle, sections: sections)
    }

    /// The forecast archive's earlier runs against these figures, or how to get them.
    func archiveSection() -> ReportSection {
        guard let scores = input.archiveScores else {
            return ReportSection(.archive, blocks: [.paragraph(
                "No forecast archive was scored for this report. Projections kept in a forecast archive when they are "
                + "made can be scored here against these figures, and against any newer figures later.")])
        }
        return ArchiveReport.section(scores)
    }

    /// The forecasts of every projection: the headline first, the other models, then the keys.
    public func forecasts() -> [ForecastTable] {
        var tables: [ForecastTable] = []
        let order = input.projectionOrder
        let headline = headlineName
        for name in order where name == headline {
            if let projection = input.projections[name] {
                tables.append(ForecastTable(projection: projection, location: input.location, role: .headline,
                                            timeZone: timeZone))
            }
        }
        for name in order where name != headline {
            if let projection = input.projections[name] {
                tables.append(ForecastTable(projection: projection, location: input.location, role: .model,
                                            timeZone: timeZone))
            }
        }
        for key in input.keyOrder {
            if let keyed = input.keyed[key] {
                tables.append(ForecastTable(projection: keyed.projection, location: keyed.location, role: .key, timeZone: timeZone))
            }
        }
        if let split = input.provincial?.projection {
            for index in split.provinces.indices {
                tables.append(ForecastTable(projection: split.projection(index), location: split.provinces[index].isoCode,
                                            role: .key, timeZone: timeZone))
            }
        }
        return tables
    }

    /// The document and the forecasts, ready for ``JSONRenderer``.
    public func savedReport() -> SavedReport {
        let fits = input.fits.map { $0.summaryTable() } + (input.logLinearFit.map { [$0.summaryTable()] } ?? [])
        let weights = input.projectionOrder.compactMap { model in
            input.modelWeights[model].map {
                SavedReport.ModelWeight(model: model, weight: $0, backtestCRPS: input.backtestCRPS[model],
                                        mergedInto: input.mergedModels[model])
            }
        }
        let observed = headlineProjection?.observedTotal ?? 0
        let retrospective = input.retrospective.map { origin in
            SavedReport.RetrospectiveRecord(
                origin: ReportFormat.iso8601(origin.origin), method: origin.weights.method,
                figures: origin.forecasts.compactMap { forecast in
                    forecast.samples.values.first.map { sample in
                        SavedReport.RetrospectiveRecord.Figure(
                            target: ReportFormat.iso8601(forecast.target), horizon: forecast.horizon,
                            observed: forecast.observed,
                            projected: SavedReport.IntervalRecord(QuantileSummary(sample: sample.sortedValues),
                                                                  observed: observed))
                    }
                })
        }
        return SavedReport(document: document(), forecasts: forecasts(), fits: fits,
                           ensemble: SavedReport.EnsembleRecord(method: input.ensembleMethod, weights: weights,
                                                                notes: input.weightNotes),
                           background: input.background,
                           sensitivity: input.sensitivity.map { SavedReport.SensitivityRecord($0, observed: observed) },
                           retrospective: retrospective, hierarchy: input.hierarchy)
    }

    // MARK: - Shared facts

    var timeZone: TimeZone { input.timeZone }

    /// "UTC+07:00" at the last report.
    var utcOffset: String {
        ReportFormat.utcOffset(timeZone, at: lastObservationDate ?? input.generatedAt)
    }

    /// The headline projection's model: the one asked for, else the first there is.
    var headlineName: ModelID? {
        if input.projections[input.headlineProjection] != nil { return input.headlineProjection }
        return input.projectionOrder.first
    }

    /// A model's name in the report: its description, or "ensemble (AICc weights)" for the mixture.
    func label(_ model: ModelID) -> String {
        model.isEnsemble ? "ensemble (\(input.ensembleMethod))" : model.description
    }

    /// The headline projection.
    var headlineProjection: Projection? { headlineName.flatMap { input.projections[$0] } }

    /// The fit behind the headline: the fit of the headline projection, else the fit with the
    /// largest weight, else the lowest AICc, else the first usable fit.
    var headlineFit: CurveFit? {
        let usable = input.fits.filter { if case .failed = $0.status { false } else { true } }
        if let name = headlineName, let fit = usable.first(where: { $0.id == name }) { return fit }
        if let best = usable.max(by: { weight($0) < weight($1) }), weight(best) > 0 { return best }
        if let best = usable.filter({ $0.aicc != nil }).min(by: { $0.aicc! < $1.aicc! }) { return best }
        return usable.first
    }

    func weight(_ fit: CurveFit) -> Double { input.modelWeights[fit.id] ?? 0 }

    /// The prepared observations of the main series.
    var prepared: PreparedObservations { input.observed.prepared() }

    /// The time of the last observation.
    var lastObservationDate: Date? {
        let observations = prepared
        guard observations.count > 0 else { return nil }
        return observations.origin.addingTimeInterval(observations.lastTime * 86_400)
    }

    /// The x axis of dated charts.
    var dateAxis: ChartAxis {
        ChartAxis(label: "Date", unit: "local time, \(utcOffset)", scale: .date,
                  timeZoneIdentifier: timeZone.identifier, includesZero: false)
    }

    func day(_ date: Date) -> String { ReportFormat.day(date, timeZone: timeZone) }

    /// The calendar day a projection period covers (the day its end closes).
    func periodDay(_ projection: Projection, _ k: Int) -> String { day(projection.endDate(k).addingTimeInterval(-1)) }

    /// "312 (90%: 180–520)" for a summary.
    static func medianWithInterval(_ summary: QuantileSummary) -> String {
        guard let interval = summary.interval(0.9) else { return ReportFormat.count(summary.median) }
        return "\(ReportFormat.count(summary.median)) (90%: \(ReportFormat.countInterval(interval.lower, interval.upper)))"
    }

    /// The remaining pool after the last observation, from replicates that have a final size.
    static func remainingPool(_ projection: Projection) -> QuantileSummary? {
        let pool = projection.finalSizes.filter(\.isFinite).map { $0 - projection.observedTotal }
        return pool.isEmpty ? nil : QuantileSummary(sample: pool)
    }

    /// Observed inflow per day: each interval's count divided by its length, at its end
    /// (level data: differences of consecutive levels).
    static func observedRates(_ series: InflowSeries) -> [(date: Date, rate: Double, count: Double, days: Double)] {
        let observations = series.prepared()
        let origin = observations.origin
        func date(_ day: Double) -> Date { origin.addingTimeInterval(day * 86_400) }
        switch observations.kind {
        case .counts, .cumulative:
            return observations.intervals.filter { $0.length > 0 }.map {
                (date($0.end), $0.count / $0.length, $0.count, $0.length)
            }
        case .level:
            let times = observations.levelTimes, values = observations.levelValues
            return times.indices.dropFirst().compactMap { i in
                let days = times[i] - times[i - 1]
                guard days > 0 else { return nil }
                let count = values[i] - values[i - 1]
                return (date(times[i]), count / days, count, days)
            }
        }
    }

    /// Observed cumulative totals (counts are summed; totals and levels as reported).
    static func observedCumulative(_ series: InflowSeries) -> [(date: Date, total: Double)] {
        let observations = series.prepared()
        let origin = observations.origin
        func date(_ day: Double) -> Date { origin.addingTimeInterval(day * 86_400) }
        switch observations.kind {
        case .counts, .cumulative:
            guard let first = observations.intervals.first else { return [] }
            var total = observations.baseline
            var points = [(date(first.start), total)]
            for interval in observations.intervals {
                total += interval.count
                points.append((date(interval.end), total))
            }
            return points
        case .level:
            return zip(observations.levelTimes, observations.levelValues).map { (date($0.0), $0.1) }
        }
    }
}

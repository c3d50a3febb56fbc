import InflowCore
import Foundation
import InflowModels
import InflowProjection
import InflowStatistics

extension ReportBuilder {
    /// Seconds since 1970: the x of a date axis.
    static func x(_ date: Date) -> Double { date.timeIntervalSince1970 }

    /// The projection's daily arrivals as a fan: 90% and 50% bands and the median, each
    /// period's count divided by its length, at the period's end.
    static func fan(_ projection: Projection, color: ChartColor = .orange, legend: Bool = true) -> [ChartSeries] {
        let summaries = projection.summaries(.incidence)
        var outer: [ChartPoint] = [], inner: [ChartPoint] = [], median: [ChartPoint] = []
        for (k, summary) in summaries.enumerated() {
            let days = projection.grid.boundaries[k + 1] - projection.grid.boundaries[k]
            guard days > 0 else { continue }
            let x = x(projection.endDate(k))
            let m = summary.median / days
            median.append(ChartPoint(x: x, y: m))
            if let q = summary.interval(0.9) { outer.append(ChartPoint(x: x, y: m, lower: q.lower / days, upper: q.upper / days)) }
            if let q = summary.interval(0.5) { inner.append(ChartPoint(x: x, y: m, lower: q.lower / days, upper: q.upper / days)) }
        }
        return [
            ChartSeries(name: "Projection, 90% interval", legendLabel: legend ? "Projection, 90% interval" : nil,
                        kind: .band, color: color, opacity: 0.18, points: outer),
            ChartSeries(name: "Projection, 50% interval", legendLabel: legend ? "Projection, 50% interval" : nil,
                        kind: .band, color: color, opacity: 0.35, points: inner),
            ChartSeries(name: "Projection, median", legendLabel: legend ? "Projection, median" : nil,
                        kind: .line, color: color, points: median),
        ]
    }

    /// The fitted inflow rate (background included) on a grid from `start` to `end` (days since the origin).
    static func fittedRate(_ fit: CurveFit, from start: Double, to end: Double, count: Int = 241) -> [ChartPoint] {
        guard end > start, count > 1 else { return [] }
        let times = (0..<count).map { start + (end - start) * Double($0) / Double(count - 1) }
        var rates = [Double](repeating: 0, count: count)
        fit.family.rate(at: times, fit.curveParameters, into: &rates)
        let origin = fit.observations.origin
        return zip(times, rates).compactMap { t, rate in
            let value = rate + fit.backgroundRate
            return value.isFinite ? ChartPoint(x: x(origin.addingTimeInterval(t * 86_400)), y: value) : nil
        }
    }

    /// Largest finite value of a list, or 0.
    static func largest(_ values: [Double]) -> Double { values.filter(\.isFinite).max() ?? 0 }

    /// Observed daily inflow, the fitted curve and the projection fan.
    func observedFittedSection() -> ReportSection {
        var blocks: [ReportBlock] = [.chart(observedFittedChart())]
        if headlineProjection == nil {
            blocks.append(.note(ReportNote(.info, "No projection was made; the chart shows the data and the fit only.")))
        }
        return ReportSection(.observedFitted, blocks: blocks)
    }

    /// The chart of ``observedFittedSection()`` (``Chart/fit(_:model:)`` draws it for a library user): observed
    /// daily inflow, the headline fit's rate curve, the log-linear fit's and the headline projection's fan.
    func observedFittedChart() -> Chart {
        var series: [ChartSeries] = []
        var notes: [String] = []
        var summary: [String] = []
        var markers: [ChartMarker] = []
        var core: [Double] = []
        var bandTop = 0.0

        if let projection = headlineProjection {
            let fan = Self.fan(projection)
            series += fan
            core += fan[2].points.map(\.y)
            bandTop = Self.largest(fan[0].points.compactMap(\.upper))
            if let first = fan[2].points.first, let last = fan[2].points.last {
                summary.append("The projected median is \(ReportFormat.adaptive(first.y)) arrivals per day on "
                               + "\(day(Date(timeIntervalSince1970: first.x - 1))) and \(ReportFormat.adaptive(last.y)) on "
                               + "\(day(Date(timeIntervalSince1970: last.x - 1))).")
            }
            markers.append(ChartMarker(x: Self.x(projection.origin.addingTimeInterval(projection.grid.boundaries[0] * 86_400)),
                                       label: "Last report"))
        }
        if let fit = headlineFit {
            let points = Self.fittedRate(fit, from: fit.observations.firstTime, to: fit.observations.lastTime)
            core += points.map(\.y)
            series.append(ChartSeries(name: "Fitted curve", legendLabel: "Fitted \(fit.family.title) curve (\(fit.error.rawValue))",
                                      kind: .line, color: .blue, points: points))
        }
        if let logLinear = input.logLinearFit {
            let observations = logLinear.observations
            let start = observations.firstTime, end = observations.lastTime
            let count = 241
            let points: [ChartPoint] = end > start ? (0..<count).compactMap { i in
                let t = start + (end - start) * Double(i) / Double(count - 1)
                let rate = logLinear.rate(at: t)
                return rate.isFinite ? ChartPoint(x: Self.x(observations.origin.addingTimeInterval(t * 86_400)), y: rate) : nil
            } : []
            core += points.map(\.y)
            series.append(ChartSeries(name: "Log-linear fit", legendLabel: "Fitted log-linear curve (\(logLinear.error.rawValue))",
                                      kind: .line, color: .teal, dashed: true, points: points))
        }
        let observed = Self.observedRates(input.observed)
        core += observed.map(\.rate)
        let bounds = Self.boundRates(input.observed)
        series += bounds
        core += bounds.flatMap { $0.points.map(\.y) }
        series.append(ChartSeries(
            name: "Observed", legendLabel: "Observed (arrivals per day between reports)", kind: .points, color: .ink,
            points: observed.map { ChartPoint(x: Self.x($0.date), y: $0.rate) }))
        if let peak = observed.max(by: { $0.rate < $1.rate }) {
            summary.insert("Observed inflow was highest, \(ReportFormat.adaptive(peak.rate)) arrivals per day, in the "
                           + "interval ending \(ReportFormat.shortDateTime(peak.date, timeZone: timeZone)).", at: 0)
        }

        var yAxis = ChartAxis(label: "Arrivals", unit: "people per day")
        let coreTop = Self.largest(core)
        if coreTop > 0 && bandTop > 1.6 * coreTop {
            yAxis.maximum = 1.6 * coreTop
            notes.append("The upper end of the 90% band reaches \(ReportFormat.count(bandTop)) per day; the chart is cut at "
                         + "\(ReportFormat.count(1.6 * coreTop)) so the observed data stay readable.")
        }
        notes.append("Observed points are the arrivals between two reports divided by the days between them, "
                     + "drawn at the later report.")
        notes += figureKindNotes(perDay: true)
        let title = headlineFit == nil && input.logLinearFit == nil ? "Daily arrivals: observed and projected"
            : headlineProjection == nil ? "Daily arrivals: observed and fitted" : "Daily arrivals: observed, fitted and projected"
        return Chart(title: title, xAxis: dateAxis, yAxis: yAxis,
                     series: series, markers: markers, summary: summary.joined(separator: " "), notes: notes)
    }

    /// Observed cumulative totals, the projected total and the final size (observed plus remaining pool).
    func cumulativeSection() -> ReportSection {
        let (chart, blocks) = cumulativeChart()
        return ReportSection(.cumulative, blocks: [.chart(chart)] + blocks)
    }

    /// The chart of ``cumulativeSection()`` (``Chart/cumulative(_:model:)`` draws it for a library user) and the
    /// paragraphs and notes that go under it in the report.
    func cumulativeChart() -> (chart: Chart, blocks: [ReportBlock]) {
        var series: [ChartSeries] = []
        var notes: [String] = []
        var summary: [String] = []
        var markers: [ChartMarker] = []
        var blocks: [ReportBlock] = []
        let observed = Self.observedCumulative(input.observed)
        var core = observed.map(\.total)
        var finalTop = 0.0

        if let projection = headlineProjection {
            let start = projection.origin.addingTimeInterval(projection.grid.boundaries[0] * 86_400)
            let startPoint = ChartPoint(x: Self.x(start), y: projection.observedTotal,
                                        lower: projection.observedTotal, upper: projection.observedTotal)
            var band = [startPoint], median = [ChartPoint(x: Self.x(start), y: projection.observedTotal)]
            for (k, s) in projection.summaries(.cumulative).enumerated() {
                let x = Self.x(projection.endDate(k))
                median.append(ChartPoint(x: x, y: s.median))
                if let q = s.interval(0.9) { band.append(ChartPoint(x: x, y: s.median, lower: q.lower, upper: q.upper)) }
            }
            core += median.map(\.y) + band.compactMap(\.upper)
            let firstX = observed.first.map { Self.x($0.date) } ?? Self.x(start)
            let lastX = Self.x(projection.endDate(projection.periods - 1))
            let poolBound = Self.remainingPool(projection)?.sizeBound(coverage: 0.9, observed: projection.observedTotal, remaining: true)
            if let pool = Self.remainingPool(projection), let q = pool.interval(0.9), poolBound?.isDetermined == true {
                let finalSize = projection.observedTotal + pool.median
                let lower = projection.observedTotal + q.lower, upper = projection.observedTotal + q.upper
                finalTop = upper
                core.append(finalSize)
                series.append(ChartSeries(
                    name: "Final size, 90% interval",
                    legendLabel: "Final size, 90% interval (\(ReportFormat.countInterval(lower, upper)))",
                    kind: .band, color: .purple, opacity: 0.12,
                    points: [ChartPoint(x: firstX, y: finalSize, lower: lower, upper: upper),
                             ChartPoint(x: lastX, y: finalSize, lower: lower, upper: upper)]))
                series.append(ChartSeries(
                    name: "Final size, median", legendLabel: "Final size, median (\(ReportFormat.count(finalSize)))",
                    kind: .line, color: .purple, dashed: true,
                    points: [ChartPoint(x: firstX, y: finalSize), ChartPoint(x: lastX, y: finalSize)]))
                summary.append("The final size is about \(ReportFormat.count(finalSize)) (90%: "
                               + "\(ReportFormat.countInterval(lower, upper))), leaving a remaining pool of "
                               + "\(ReportFormat.count(pool.median)) (90%: \(ReportFormat.countInterval(q.lower, q.upper))) "
                               + "after the last report.")
                blocks.append(.paragraph(
                    "The remaining pool is the people of the surge the models still expect after the last report "
                    + "(background arrivals are not part of it): median \(ReportFormat.count(pool.median)), 90% interval "
                    + "\(ReportFormat.countInterval(q.lower, q.upper)). The dashed line and the shaded band show the "
                    + "\(ReportFormat.count(projection.observedTotal)) arrivals counted plus that pool."))
                let unbounded = max(projection.finalSizes.filter { !$0.isFinite }.count - projection.failedReplicates, 0)
                if unbounded > 0 {
                    blocks.append(.note(ReportNote(.info,
                        "\(unbounded) of \(projection.replicates) replicates come from models without a final size; the pool is computed from the others.")))
                }
            } else if let poolBound {
                summary.append("The remaining pool is \(poolBound): the data set no upper bound on it.")
                blocks.append(.note(ReportNote(.info,
                    "The remaining pool is \(poolBound), so no final size is drawn. The projected totals stay finite "
                    + "because they cover a fixed horizon; the section on knowledge of the pool shows what a known pool "
                    + "or a published \"more than N\" figure would change.")))
            } else {
                blocks.append(.note(ReportNote(.info,
                    "The \(headlineName.map(label) ?? "headline") projection has no final size, so no remaining pool is shown.")))
            }
            series.append(ChartSeries(name: "Projected total, 90% interval", legendLabel: "Projected total, 90% interval",
                                      kind: .band, color: .orange, opacity: 0.2, points: band))
            series.append(ChartSeries(name: "Projected total, median", legendLabel: "Projected total, median",
                                      kind: .line, color: .orange, points: median))
            markers.append(ChartMarker(x: Self.x(start), label: "Last report"))
            if let last = median.last {
                summary.insert("The projected median total is \(ReportFormat.count(last.y)) by "
                               + "\(day(Date(timeIntervalSince1970: last.x - 1))).", at: 0)
            }
        }
        series.append(ChartSeries(name: "Observed total", legendLabel: "Observed cumulative total", kind: .linePoints,
                                  color: .ink, points: observed.map { ChartPoint(x: Self.x($0.date), y: $0.total) }))
        let bounds = Self.boundTotals(input.observed)
        series += bounds
        core += bounds.flatMap { $0.points.map(\.y) }
        notes += figureKindNotes(perDay: false)
        if let last = observed.last {
            summary.insert("\(ReportFormat.count(last.total)) arrivals had been counted by "
                           + "\(ReportFormat.shortDateTime(last.date, timeZone: timeZone)).", at: 0)
        }
        var yAxis = ChartAxis(label: "Cumulative arrivals", unit: "people")
        let coreTop = Self.largest(core)
        if coreTop > 0 && finalTop > 1.3 * coreTop {
            yAxis.maximum = 1.3 * coreTop
            notes.append("The upper end of the final size's 90% interval, \(ReportFormat.count(finalTop)), lies above the chart.")
        }
        // The title names the final size only when it is drawn (a pool the data do not bound is not).
        let drawsFinalSize = series.contains { $0.name == "Final size, median" }
        let title = drawsFinalSize ? "Cumulative arrivals and final size"
            : headlineProjection == nil ? "Cumulative arrivals" : "Cumulative arrivals: observed and projected"
        let chart = Chart(title: title, xAxis: dateAxis, yAxis: yAxis, series: series,
                          markers: markers, summary: summary.joined(separator: " "), notes: notes)
        return (chart, blocks)
    }

    /// Legend labels of published bounds.
    static let lowerBoundLabel = "At least (published bound)"
    static let upperBoundLabel = "At most (published bound)"

    /// The bounds of a series as chart series (one per direction present), from `points`.
    static func boundSeries(_ points: [(x: Double, y: Double, direction: CensoredInterval.Direction)]) -> [ChartSeries] {
        var result: [ChartSeries] = []
        for (direction, kind, label) in [(CensoredInterval.Direction.atLeast, ChartSeries.Kind.lowerBounds, lowerBoundLabel),
                                         (.atMost, .upperBounds, upperBoundLabel)] {
            let chosen = points.filter { $0.direction == direction }.map { ChartPoint(x: $0.x, y: $0.y) }
            if !chosen.isEmpty {
                result.append(ChartSeries(name: label, legendLabel: label, kind: kind, color: .ink, points: chosen))
            }
        }
        return result
    }

    /// The bounds the fit uses (``PreparedObservations/censored``) as bounds on the average daily inflow over their
    /// intervals (bound / days), drawn at the interval's end like the observed rates.
    static func boundRates(_ series: InflowSeries) -> [ChartSeries] {
        let prepared = series.prepared()
        return boundSeries(prepared.censored.filter { $0.length > 0 }.map {
            (x(prepared.origin.addingTimeInterval($0.end * 86_400)), $0.bound / $0.length, $0.direction)
        })
    }

    /// The bounds on cumulative totals as published (the bounds the fit uses), at their times; none for daily counts.
    static func boundTotals(_ series: InflowSeries) -> [ChartSeries] {
        guard series.kind == .cumulative else { return [] }
        let prepared = series.prepared()
        return boundSeries(prepared.censored.compactMap { interval in
            guard let value = series.values[interval.index] else { return nil }
            return (x(series.times[interval.index]), value, interval.direction)
        })
    }

    /// Notes on figures that are not exact: how bounds are drawn and used, and which reports are partial days.
    func figureKindNotes(perDay: Bool) -> [String] {
        let series = input.observed
        guard series.hasInexactFigures else { return [] }
        var notes: [String] = []
        let prepared = series.prepared()
        if !prepared.censored.isEmpty {
            let what = perDay ? "bounds on the average arrivals per day since the last exact figure" : "bounds on the total"
            notes.append("Published bounds (\"more than N\") are drawn as \(what): an arrow up for \"at least\", down "
                         + "for \"at most\". The fit uses each as a censored count (the probability of reaching the bound), "
                         + "not as an exact figure.")
        }
        let partial = series.times.indices.filter { series.figureKinds[$0] == .partialDay && series.values[$0] != nil }
        if !partial.isEmpty {
            let times = partial.map { ReportFormat.shortDateTime(series.times[$0], timeZone: timeZone) }
            notes.append("Partial day\(partial.count == 1 ? "" : "s"): the figure\(partial.count == 1 ? "" : "s") of "
                         + "\(times.joined(separator: ", ")) count\(partial.count == 1 ? "s" : "") arrivals up to that time "
                         + "only; drawn as ordinary points, fitted over the part of the day covered.")
        }
        return notes
    }

    /// One small chart per key: observed daily inflow and the key's projection fan, every chart on the same
    /// scale (`maximum`, the largest median or observation of any key, with the bands cut above twice it).
    func keyChart(_ key: String, _ keyed: KeyedSeries, observed: InflowSeries, maximum: Double) -> Chart {
        let observedRates = Self.observedRates(observed)
        let fan = Self.fan(keyed.projection)
        let series = [fan[0], fan[2],
                      ChartSeries(name: "Observed", legendLabel: "Observed", kind: .points, color: .ink,
                                  points: observedRates.map { ChartPoint(x: Self.x($0.date), y: $0.rate) })]
        var yAxis = ChartAxis(label: "Arrivals", unit: "people per day")
        yAxis.maximum = maximum
        let bandTop = Self.largest(fan[0].points.compactMap(\.upper))
        var notes: [String] = []
        if bandTop > maximum {
            notes.append("90% band cut at the shared scale's top (it reaches \(ReportFormat.count(bandTop)) per day).")
        }
        let start = keyed.projection.origin.addingTimeInterval(keyed.projection.grid.boundaries[0] * 86_400)
        let next7 = keyed.projection.arrivals(overFirst: min(7, keyed.projection.periods))
        return Chart(title: key, xAxis: dateAxis, yAxis: yAxis, series: series,
                     markers: [ChartMarker(x: Self.x(start), label: "Last report")],
                     summary: "\(key): \(ReportFormat.count(keyed.projection.observedTotal)) arrivals so far; "
                        + "\(Self.medianWithInterval(next7)) expected in the next 7 days.",
                     notes: notes)
    }

    /// One small chart per key with an observed series, in ``ReportInput/keyOrder`` (groups and the total are
    /// not charted), all on the scale ``sharedKeyMaximum(_:)`` gives.
    func keyCharts() -> (charts: [Chart], maximum: Double) {
        let charted = input.keyOrder.compactMap { key -> (String, KeyedSeries, InflowSeries)? in
            guard let keyed = input.keyed[key], let observed = keyed.observed, keyed.level == "key" else { return nil }
            return (key, keyed, observed)
        }
        let maximum = sharedKeyMaximum(charted.map { ($0.1, $0.2) })
        return (charted.map { keyChart($0.0, $0.1, observed: $0.2, maximum: maximum) }, maximum)
    }

    /// The shared top of the keys' small multiples: the largest observed daily rate or projected median of any
    /// key, with a tenth of headroom.
    func sharedKeyMaximum(_ keys: [(KeyedSeries, InflowSeries)]) -> Double {
        let top = keys.map { keyed, observed in
            Self.largest(Self.observedRates(observed).map(\.rate) + Self.fan(keyed.projection)[2].points.map(\.y))
        }.max() ?? 1
        return max(1.1 * top, 1)
    }
}

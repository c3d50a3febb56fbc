import Foundation
import InflowAnalysis
import InflowModels
import InflowProjection

extension ReportBuilder {
    /// The 30-day projection under other knowledge about the pool: the user's, or illustrative bounds.
    func sensitivitySection() -> ReportSection {
        guard let headline = input.sensitivity.first else {
            return ReportSection(.sensitivity, blocks: [.paragraph(
                "No sensitivity analysis was run. Knowledge of the pool, such as the number of people known to be still "
                + "held or a published \"more than N\" figure, would bound the projection, which would then use it.")])
        }
        let observed = headlineProjection?.observedTotal ?? 0
        func poolText(_ summary: QuantileSummary?) -> String {
            guard let summary else { return "no final size" }
            let bound = summary.sizeBound(coverage: 0.9, observed: observed, remaining: true)
            return bound.isDetermined ? Self.medianWithInterval(summary) : bound.description
        }
        let rows = input.sensitivity.map { row -> [String] in
            let assumption = row.isHeadline
                ? (row.knowledge.isEmpty ? "As projected (no knowledge of the pool)" : "As projected: \(row.knowledge)")
                : (row.isIllustrative ? "If the \(row.knowledge) (illustration)" : "If the \(row.knowledge)")
            return [assumption, Self.medianWithInterval(row.arrivals), poolText(row.remaining)]
        }
        let illustrative = input.sensitivity.contains { $0.isIllustrative }
        var blocks: [ReportBlock] = [
            .table(ReportTable(
                caption: "Arrivals in the next \(headline.days) days and the remaining pool under knowledge of the pool "
                    + "(medians with 90% intervals)",
                header: ["Knowledge of the pool", "Next \(headline.days) days", "Remaining pool"],
                alignments: [.left, .right, .right], rows: rows)),
        ]
        blocks.append(.paragraph(
            "Counts alone rarely bound how many people are still to come. Knowledge that crisis teams often have "
            + "does: how many people are still held (the remaining pool is then at most that number) or a published "
            + "\"more than N\" total (the final size is then at least N). Each row refits the weighted models with "
            + "that bound on their final size and mixes them with the same weights."
            + (illustrative ? " No such knowledge was given, so the rows below the first are illustrations: a "
               + "remaining pool of at most half, or all, of the arrivals so far, and a final size of at least twice them." : "")))
        return ReportSection(.sensitivity, blocks: blocks)
    }

    /// The whole pipeline's forecasts at earlier origins, against the figures that followed.
    func retrospectiveSection() -> ReportSection {
        guard !input.retrospective.isEmpty else {
            return ReportSection(.retrospective, blocks: [.paragraph(
                "The whole pipeline was not rerun at earlier origins (it needs models weighed on a backtest, by stacking "
                + "or by inverse WIS, and at least two earlier reports with figures after them).")])
        }
        var rows: [[String]] = []
        var series: [ChartSeries] = []
        var observedPoints: [ChartPoint] = []
        for (index, origin) in input.retrospective.enumerated() {
            var band: [ChartPoint] = []
            for forecast in origin.forecasts {
                guard let sample = forecast.samples.values.first else { continue }
                let summary = QuantileSummary(sample: sample.sortedValues)
                guard let q = summary.interval(0.9) else { continue }
                let covered = forecast.observed >= q.lower && forecast.observed <= q.upper
                rows.append([ReportFormat.shortDateTime(origin.origin, timeZone: timeZone), origin.weights.method.description,
                             ReportFormat.shortDateTime(forecast.target, timeZone: timeZone), String(forecast.horizon),
                             ReportFormat.count(forecast.observed), Self.medianWithInterval(summary), covered ? "yes" : "no"])
                band.append(ChartPoint(x: Self.x(forecast.target), y: summary.median, lower: q.lower, upper: q.upper))
                observedPoints.append(ChartPoint(x: Self.x(forecast.target), y: forecast.observed))
            }
            let label = "From \(ReportFormat.shortDateTime(origin.origin, timeZone: timeZone))"
            series.append(ChartSeries(name: label, legendLabel: label, kind: .linePoints, color: .model(index),
                                      points: band.map { ChartPoint(x: $0.x, y: $0.y) }))
            series.append(ChartSeries(name: "\(label), 90% interval", legendLabel: nil, kind: .band, color: .model(index),
                                      opacity: 0.12, points: band))
        }
        var unique: [Double: ChartPoint] = [:]
        for point in observedPoints { unique[point.x] = point }
        series.append(ChartSeries(name: "Reported", legendLabel: "Reported totals", kind: .points, color: .ink,
                                  points: unique.values.sorted { $0.x < $1.x }))
        let scores = input.backtest?.overall() ?? []
        let ensembleRows = scores.filter { $0.model.isEnsemble }
        var blocks: [ReportBlock] = [
            .paragraph("At each earlier report the whole pipeline was rerun on the figures published by then: its own fits, "
                       + "its own weights (stacking on the reports before it when there were enough, else AICc weights), "
                       + "and its ensemble's projection of the reports that followed. This is how the projections a "
                       + "crisis team would have had at the time compare with what was then reported."),
            .chart(Chart(
                title: "Earlier projections of the reported totals and what was reported",
                xAxis: dateAxis, yAxis: ChartAxis(label: "Cumulative arrivals", unit: "people"), series: series,
                summary: ensembleRows.first.map {
                    "Over \($0.forecasts) reported totals, the ensemble's 90% intervals held \(ReportFormat.percent($0.coverage90)) of them, with a mean WIS of \(ReportFormat.adaptive($0.wis))."
                } ?? "The ensemble could not be scored.",
                notes: ["Lines are the ensemble's medians from each origin, bands its 90% intervals; dots are the reported totals."])),
            .table(ReportTable(
                caption: "The ensemble's projections from each origin (medians with 90% intervals)",
                header: ["Origin", "Weights", "Reported at", "Days ahead", "Reported", "Projected", "In the 90% interval"],
                alignments: [.left, .left, .left, .right, .right, .right, .left], rows: rows)),
        ]
        if !scores.isEmpty {
            let scoreRows = scores.sorted { ($0.model.isEnsemble ? 0 : 1, $0.wis) < ($1.model.isEnsemble ? 0 : 1, $1.wis) }
                .map { s in
                    [s.model.isEnsemble ? "ensemble (the pipeline then)" : s.model.description, String(s.forecasts),
                     ReportFormat.adaptive(s.wis), ReportFormat.adaptive(s.crps), ReportFormat.percent(s.coverage50),
                     ReportFormat.percent(s.coverage90)]
                }
            blocks.append(.table(ReportTable(
                caption: "Scores over every origin and horizon (lower WIS and CRPS are better)",
                header: ["Model", "Figures", "WIS", "CRPS", "50% coverage", "90% coverage"],
                alignments: [.left, .right, .right, .right, .right, .right], rows: scoreRows)))
        }
        return ReportSection(.retrospective, blocks: blocks)
    }
}

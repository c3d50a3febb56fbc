import Foundation
import InflowArchive
import InflowCore

/// The report section "Archived projections against what happened": each archived run's fan of daily arrivals
/// with the figures published later, the scores per run and per horizon, pending days and corrections.
///
/// Built from ``/InflowArchive/ArchiveScores`` alone, so `inflow score --report` writes it as a document of its own
/// (``document(_:datasetName:toolVersion:generatedAt:)``), and an analysis report can carry it as a section.
public enum ArchiveReport {
    /// A report with the archive section alone.
    public static func document(_ scores: ArchiveScores, datasetName: String, toolVersion: String, generatedAt: Date) -> ReportDocument {
        let runs = scores.runs.count
        return ReportDocument(
            title: "Archived projections against what happened", datasetName: datasetName,
            generatedAt: ReportFormat.iso8601(generatedAt), toolVersion: toolVersion,
            subtitle: "Newer figures: \(datasetName) · \(runs) archived run\(runs == 1 ? "" : "s")"
                + (scores.lastFigure.map { " · last figure \($0)" } ?? ""),
            sections: [section(scores)])
    }

    /// The section.
    /// - Complexity: O(scores).
    public static func section(_ scores: ArchiveScores) -> ReportSection {
        guard !scores.runs.isEmpty else {
            return ReportSection(.archive, blocks: [.paragraph("The archive holds no complete run yet.")])
        }
        let timeZone = scores.runs.first.flatMap { TimeZone(identifier: $0.metadata.timeZone) } ?? TimeZone(secondsFromGMT: 0)!
        var blocks: [ReportBlock] = [.paragraph(
            "Each projection below was kept in the forecast archive when it was made and is scored here against "
            + "the figures published since. Scores are the weighted interval score (WIS; lower is better) with its parts, "
            + "and the share of later figures inside the 50, 90 and 95% intervals. A later figure that only bounds the "
            + "truth (\"more than N\", a partial day) is scored with the censored WIS, the score of the forecast of "
            + "min(Y, N) against N, and is drawn as an arrow.")]
        var charts: [Chart] = []
        for (index, run) in scores.runs.enumerated() {
            // The days scored and pending, up to a week after the last figure (the rest of the fan says nothing yet).
            let lastScored = run.fan.filter { $0.observation != nil }.map(\.end).max()
            let shown = (lastScored ?? run.fan.map(\.end).min() ?? Date()).addingTimeInterval(Self.daysShownAfterLastFigure * 86_400)
            let daily = run.fan.filter { !$0.target.contains(" cum ") && $0.end <= shown }.sorted { $0.end < $1.end }
            guard !daily.isEmpty else { continue }
            let x = { (point: FanPoint) in point.end.addingTimeInterval(-43_200).timeIntervalSince1970 }
            let color = ChartColor.model(index)
            var series = [
                ChartSeries(name: "90% interval", legendLabel: "90% interval", kind: .band, color: color, opacity: 0.14,
                            points: daily.map { ChartPoint(x: x($0), y: $0.median, lower: $0.lower90, upper: $0.upper90) }),
                ChartSeries(name: "50% interval", legendLabel: "50% interval", kind: .band, color: color, opacity: 0.28,
                            points: daily.map { ChartPoint(x: x($0), y: $0.median, lower: $0.lower50, upper: $0.upper50) }),
                ChartSeries(name: "Median", legendLabel: "Projected median", kind: .line, color: color,
                            points: daily.map { ChartPoint(x: x($0), y: $0.median) }),
            ]
            let exact = daily.filter { $0.observation?.bound == .exact }
            let lower = daily.filter { $0.observation?.bound == .atLeast }
            let upper = daily.filter { $0.observation?.bound == .atMost }
            series.append(ChartSeries(name: "Reported", legendLabel: "Reported later", kind: .points, color: .ink,
                                      points: exact.map { ChartPoint(x: x($0), y: $0.observation!.value) }))
            if !lower.isEmpty {
                series.append(ChartSeries(name: "At least", legendLabel: "At least (a bound)", kind: .lowerBounds, color: .ink,
                                          points: lower.map { ChartPoint(x: x($0), y: $0.observation!.value) }))
            }
            if !upper.isEmpty {
                series.append(ChartSeries(name: "At most", legendLabel: "At most (a bound)", kind: .upperBounds, color: .ink,
                                          points: upper.map { ChartPoint(x: x($0), y: $0.observation!.value) }))
            }
            let summary = ScoreAggregate(label: run.metadata.runID, scores: run.scores.filter { !$0.target.contains(" cum ") })
            let described = summary.count == 0 ? "no figure yet"
                : "mean WIS \(ReportFormat.adaptive(summary.wis.total)) over \(summary.count) target\(summary.count == 1 ? "" : "s")"
                    + (summary.coverage.map { ", \(ReportFormat.percent($0[1])) inside the 90% intervals" } ?? "")
            charts.append(Chart(
                title: "Reference date \(run.metadata.referenceDate) (run \(run.metadata.runID))",
                xAxis: ChartAxis(label: "Date", unit: "local time", scale: .date, timeZoneIdentifier: timeZone.identifier,
                                 includesZero: false),
                yAxis: ChartAxis(label: "Arrivals per day", unit: "people"), series: series,
                summary: "Daily arrivals projected from \(run.metadata.referenceDate) against what was reported: \(described).",
                notes: run.pending.isEmpty ? [] : ["\(Set(run.pending.map(\.targetEndDate)).count) day(s) after the last figure are pending."]))
        }
        if !charts.isEmpty { blocks.append(.smallMultiples(charts)) }
        for target in scores.targets {
            blocks.append(.table(ReportTable(
                caption: "\(target): scores per archived run (means over the days scored; coverage over exact figures)",
                header: ["Reference date", "Scored", "Bounds", "WIS", "Dispersion", "Under", "Over", "AE of median",
                         "50%", "90%", "95%"],
                alignments: [.left] + Array(repeating: .right, count: 10),
                rows: scores.runs.compactMap { run in
                    let selected = run.scores.filter { $0.target == target }
                    guard !selected.isEmpty else { return nil }
                    return [label(run, in: scores)] + cells(ScoreAggregate(label: run.metadata.runID, scores: selected))
                })))
            blocks.append(.table(ReportTable(
                caption: "\(target): scores per horizon (days after the reference date)",
                header: ["Horizon", "Scored", "Bounds", "WIS", "Dispersion", "Under", "Over", "AE of median", "50%", "90%", "95%"],
                alignments: Array(repeating: .right, count: 11),
                rows: scores.byHorizon(target: target).map { [$0.label] + cells($0) })))
        }
        let corrections = scores.corrections
        if !corrections.isEmpty {
            blocks.append(.list(corrections.map {
                "Run \($0.runID) was fitted to \(ReportFormat.count($0.archived)) at \($0.time); the newer file says "
                    + "\(ReportFormat.count($0.newer))\($0.newerKind == .exact ? "" : " (\($0.newerKind.rawValue))"): scored against the newer figure."
            }))
        }
        let pending = scores.pending
        if !pending.isEmpty {
            let days = Set(pending.map(\.targetEndDate)).sorted()
            blocks.append(.paragraph("\(pending.count) forecast target\(pending.count == 1 ? "" : "s") on \(days.count) day\(days.count == 1 ? "" : "s") "
                                     + "(\(days.first!) to \(days.last!)) have no figure yet: they will be scored when one is published."))
        }
        return ReportSection(.archive, blocks: blocks)
    }

    /// Days of each archived fan drawn after the last figure.
    static let daysShownAfterLastFigure = 7.0

    /// A run's reference date, with its run id when another run has the same date.
    private static func label(_ run: RunScores, in scores: ArchiveScores) -> String {
        let same = scores.runs.filter { $0.metadata.referenceDate == run.metadata.referenceDate }
        return same.count > 1 ? "\(run.metadata.referenceDate) (\(run.metadata.runID))" : run.metadata.referenceDate
    }

    private static func cells(_ aggregate: ScoreAggregate) -> [String] {
        let coverage = aggregate.coverage.map { $0.map(ReportFormat.percent) } ?? Array(repeating: ReportFormat.missing, count: 3)
        return [String(aggregate.count), String(aggregate.censoredCount), ReportFormat.adaptive(aggregate.wis.total),
                ReportFormat.adaptive(aggregate.wis.dispersion), ReportFormat.adaptive(aggregate.wis.underprediction),
                ReportFormat.adaptive(aggregate.wis.overprediction), ReportFormat.adaptive(aggregate.absoluteError)] + coverage
    }
}

import Foundation
import Inflow

/// The terminal rendering of a projection.
enum ProjectionText {
    static func render(_ result: AnalysisResult, timeZone: TimeZone) -> String {
        var lines: [String] = []
        let analysis = result.total
        let series = analysis.series
        let prepared = series.prepared()
        let first = series.times.min().map { Formatting.date($0, timeZone: timeZone) } ?? "-"
        let last = series.times.max().map { Formatting.date($0, timeZone: timeZone, withTime: true) } ?? "-"
        lines.append("\(series.name): \(prepared.count) \(series.kind == .cumulative ? "reports of cumulative totals" : "observations") from \(first) to \(last), \(Formatting.count(analysis.headline.observedTotal)) arrivals so far")
        lines.append("")
        lines.append("Models (\(analysis.fits.first?.error.rawValue ?? "") errors)")
        var table = TextTable(["model", "status", "AICc", "weight", "final size", "95% interval"])
        for fit in analysis.fits {
            let weight = analysis.weights[fit.id]
            let size = fit.finalSize()
            table.add([fit.family.name, shortStatus(fit.status), fit.aicc.map { String(format: "%.2f", $0) } ?? "n/a",
                       String(format: "%.3f", weight), Formatting.count(size.value),
                       size.lower.isFinite || size.upper.isFinite ? Formatting.interval(size.lower, size.upper) : "n/a"])
        }
        if let glm = analysis.logLinearFit {
            table.add([LogLinearModel.name, shortStatus(glm.status), glm.aicc.map { String(format: "%.2f", $0) } ?? "n/a",
                       "0.000", "n/a", "n/a"])
        }
        for failure in analysis.failures { table.add([failure.model.family, "not fitted", "", "", "", ""]) }
        lines.append(table.render())
        lines.append("")

        let headline = analysis.headline
        let label = headline.model.isEnsemble ? "ensemble (\(analysis.weights.method))" : headline.model.description
        lines.append("Projection: \(label), \(headline.replicates) bootstrap replicates, seed \(result.options.seed)")
        let next7 = headline.arrivals(overFirst: 7)
        let next30 = headline.arrivals(overFirst: min(30, headline.periods))
        lines.append("  arrivals in the next 7 days: \(Formatting.count(next7.median)) (90%: \(interval(next7, 0.9)))")
        lines.append("  arrivals in the next \(min(30, headline.periods)) days: \(Formatting.count(next30.median)) (90%: \(interval(next30, 0.9)))")
        if headline.hasFinalSize {
            let remaining = headline.remainingNow()
            lines.append("  remaining pool after the last report: \(Formatting.count(remaining.median)) (90%: \(interval(remaining, 0.9)))")
        }
        lines.append("")
        var days = TextTable(["day ending", "arrivals", "50%", "90%", "cumulative", "90%"] + (headline.hasFinalSize ? ["remaining", "90%"] : []))
        let daily = headline.summaries(.incidence)
        let cumulative = headline.summaries(.cumulative)
        let remaining = headline.hasFinalSize ? headline.summaries(.remainingPool) : []
        for k in 0..<headline.periods {
            var row = [Formatting.date(headline.endDate(k).addingTimeInterval(-1), timeZone: timeZone),
                       Formatting.count(daily[k].median), interval(daily[k], 0.5), interval(daily[k], 0.9),
                       Formatting.count(cumulative[k].median), interval(cumulative[k], 0.9)]
            if headline.hasFinalSize { row += [Formatting.count(remaining[k].median), interval(remaining[k], 0.9)] }
            days.add(row)
        }
        lines.append(days.render())
        if let leading = analysis.leadingFit, !result.keys.isEmpty {
            lines.append("")
            lines.append("By \(result.data.keyColumns.joined(separator: " / ")) (\(leading.family.name))")
            var keys = TextTable(["series", "so far", "next 7 days", "90%"])
            for key in result.keys {
                let week = key.projection.arrivals(overFirst: 7)
                keys.add([key.key, Formatting.count(key.projection.observedTotal), Formatting.count(week.median),
                          interval(week, 0.9)])
            }
            lines.append(keys.render())
        }
        if !result.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings")
            lines += result.warnings.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    static func interval(_ summary: QuantileSummary, _ coverage: Double) -> String {
        guard let (lower, upper) = summary.interval(coverage) else { return "n/a" }
        return Formatting.interval(lower, upper)
    }

    static func shortStatus(_ status: FitStatus) -> String {
        switch status {
        case .converged: "converged"
        case .notConverged: "not converged"
        case .nonIdentifiable: "not identifiable"
        case .failed: "failed"
        }
    }
}

import Foundation
import Inflow

/// The terminal rendering of a projection.
enum ProjectionText {
    static func render(_ result: AnalysisResult, timeZone: TimeZone) -> String {
        var lines: [String] = []
        let analysis = result.total
        let series = analysis.series
        let prepared = series.prepared()
        let observed = analysis.headline.observedTotal
        let first = series.times.min().map { Formatting.date($0, timeZone: timeZone) } ?? "-"
        let lastEnd = prepared.count > 0 ? prepared.origin.addingTimeInterval(prepared.lastTime * InflowSeries.secondsPerDay) : nil
        let description: String
        switch series.kind {
        case .cumulative:
            let last = series.times.max().map { Formatting.date($0, timeZone: timeZone, withTime: true) } ?? "-"
            description = "\(prepared.count) reports of cumulative totals from \(first) to \(last)"
        case .counts:
            // The last count covers a period: name its day and the end of the period (the report's "last report").
            let last = series.times.max().map { Formatting.date($0, timeZone: timeZone) } ?? "-"
            let end = lastEnd.map { Formatting.date($0, timeZone: timeZone, withTime: true) } ?? "-"
            description = "\(prepared.count) \(series.periodLength == 1 ? "daily counts" : "counts") from \(first) to \(last) (up to \(end))"
        case .level:
            let last = series.times.max().map { Formatting.date($0, timeZone: timeZone, withTime: true) } ?? "-"
            description = "\(prepared.count) observations from \(first) to \(last)"
        }
        lines.append("\(series.name): \(description), \(Formatting.count(observed)) arrivals so far")
        lines.append("Background (arrivals unrelated to the surge): \(analysis.background), \(analysis.backgroundSource)")
        lines.append("")
        lines.append("Models (\(analysis.fits.first?.error.rawValue ?? "") errors)")
        let scored = !analysis.weights.backtestCRPS.isEmpty
        var table = TextTable(["model", "status", "AICc"] + (scored ? ["backtest CRPS"] : []) + ["weight", "final size", "95% interval"])
        let sizes = CurveFit.finalSizes(of: analysis.fits, threads: result.options.threads)
        for (fit, size) in zip(analysis.fits, sizes) {
            let bound = size.sizeBound(observed: fit.observedSoFar)
            let weight = analysis.weights.merged[fit.id].map { "= \($0.family)" }
                ?? String(format: "%.3f", analysis.weights[fit.id])
            let crps = scored ? [analysis.weights.backtestCRPS[fit.id].map { String(format: "%.1f", $0) } ?? "-"] : []
            table.add([fit.family.name, shortStatus(fit.status), fit.aicc.map { String(format: "%.2f", $0) } ?? "n/a"] + crps
                      + [weight, bound.isDetermined ? Formatting.count(size.value) : "n.d.",
                       fit.family.isBounded ? bound.description : "unbounded"])
        }
        if let glm = analysis.logLinearFit {
            table.add([LogLinearModel.name, shortStatus(glm.status), glm.aicc.map { String(format: "%.2f", $0) } ?? "n/a"]
                      + (scored ? ["-"] : []) + ["0.000", "unbounded", ""])
        }
        for failure in analysis.failures {
            table.add([failure.model.family, "not fitted", ""] + (scored ? [""] : []) + ["", "", ""])
        }
        lines.append(table.render())
        // Why an AICc is n/a (too few observations for its correction, or no likelihood).
        lines += analysis.fits.compactMap { fit in fit.aiccUnavailableReason.map { "  \(fit.family.name): \($0)." } }
        if let glm = analysis.logLinearFit, let reason = glm.aiccUnavailableReason {
            lines.append("  \(LogLinearModel.name): \(reason).")
        }
        lines += analysis.weights.notes.filter { !$0.hasPrefix("warning: ") }.map { "  \($0)." }
        lines.append("")

        let headline = analysis.headline
        let label = headline.model.isEnsemble ? "ensemble (\(analysis.weights.method))" : headline.model.description
        lines.append("Projection: \(label), \(headline.replicates) bootstrap replicates, seed \(result.options.seed)")
        let next7 = headline.arrivals(overFirst: 7)
        let next30 = headline.arrivals(overFirst: min(30, headline.periods))
        lines.append("  arrivals in the next 7 days: \(Formatting.count(next7.median)) (90%: \(interval(next7, 0.9)))")
        lines.append("  arrivals in the next \(min(30, headline.periods)) days: \(Formatting.count(next30.median)) (90%: \(interval(next30, 0.9)))")
        let poolBound = headline.hasFinalSize ? headline.remainingNow().sizeBound(coverage: 0.9, observed: observed, remaining: true) : nil
        if let poolBound {
            let remaining = headline.remainingNow()
            lines.append(poolBound.isDetermined
                ? "  remaining pool after the last report: \(Formatting.count(remaining.median)) (90%: \(poolBound))"
                : "  remaining pool after the last report: \(poolBound)")
        }
        lines.append("")
        let showPool = poolBound?.isDetermined == true
        var days = TextTable(["day ending", "arrivals", "50%", "90%", "cumulative", "90%"] + (showPool ? ["remaining", "90%"] : []))
        let daily = headline.summaries(.incidence)
        let cumulative = headline.summaries(.cumulative)
        let remaining = showPool ? headline.summaries(.remainingPool) : []
        for k in 0..<headline.periods {
            var row = [Formatting.date(headline.endDate(k).addingTimeInterval(-1), timeZone: timeZone),
                       Formatting.count(daily[k].median), interval(daily[k], 0.5), interval(daily[k], 0.9),
                       Formatting.count(cumulative[k].median), interval(cumulative[k], 0.9)]
            if showPool {
                row += [Formatting.count(remaining[k].median), remaining[k].sizeBound(coverage: 0.9, observed: observed, remaining: true).description]
            }
            days.add(row)
        }
        lines.append(days.render())
        if poolBound != nil && !showPool {
            lines.append("  The remaining pool is not determined by these data, so it is not shown per day; the arrivals are.")
        }
        if analysis.sensitivity.count > 1 {
            lines.append("")
            let days = analysis.sensitivity[0].days
            lines.append("What knowledge of the pool would change (--pool-at-most N, --final-size-at-least N)")
            var table = TextTable(["knowledge of the pool", "next \(days) days", "90%", "remaining pool"])
            for row in analysis.sensitivity {
                let label = row.isHeadline ? "as projected (\(row.knowledge))"
                    : "\(row.knowledge)\(row.isIllustrative ? " (illustration)" : "")"
                let pool = row.remaining.map { summary -> String in
                    let bound = summary.sizeBound(coverage: 0.9, observed: observed, remaining: true)
                    return bound.isDetermined ? "\(Formatting.count(summary.median)) \(bound)" : bound.description
                } ?? "-"
                table.add([label, Formatting.count(row.arrivals.median), interval(row.arrivals, 0.9), pool])
            }
            lines.append(table.render())
        }
        if let hierarchy = result.hierarchy {
            lines.append("")
            lines += hierarchyLines(hierarchy, keyName: result.data.keyColumns.joined(separator: " / "))
        }
        if let provincial = result.provincial {
            lines.append("")
            lines += ProvinceText.lines(provincial, timeZone: timeZone)
        }
        if !result.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings")
            lines += result.warnings.map { "  - \(CommandHints.warning($0))" }
        }
        return lines.joined(separator: "\n")
    }

    /// Every node of the keys' hierarchy: arrivals so far, next 7 and 30 days, share of the next 7 days and each
    /// key's pooling factor, from the same joint samples.
    static func hierarchyLines(_ hierarchy: HierarchyAnalysis, keyName: String) -> [String] {
        let forecast = hierarchy.forecast
        let shares = hierarchy.shares(overFirst: 7)
        let bottomStart = hierarchy.hierarchy.nodes.count - hierarchy.hierarchy.bottomCount
        var lines = ["By \(keyName): every level from the same joint samples (\(forecast.method))"]
        let families = zip(hierarchy.pooledFits, hierarchy.familyShares).map {
            "\($0.family.name) \(Formatting.percent($1))"
        }.joined(separator: ", ")
        lines.append("  keys pooled with: \(families)"
                     + (forecast.effectiveSampleSize.map { "; effective sample size \(Int($0.rounded())) of \(forecast.candidateCount)" } ?? ""))
        var header = ["level", "location", "so far", "next 7 days", "90%", "share of 7 days", "next 30 days", "90%", "pooling"]
        if forecast.minTraceMeans != nil { header.append("7 days, MinT mean") }
        var table = TextTable(header)
        for (index, node) in hierarchy.hierarchy.nodes.enumerated() {
            let projection = forecast.projections[index]
            let week = projection.arrivals(overFirst: 7), month = projection.arrivals(overFirst: 30)
            let share = shares[index].interval(0.9).map { "\(Formatting.percent(shares[index].median)) (\(Formatting.percent($0.lower))-\(Formatting.percent($0.upper)))" } ?? "-"
            let pooling = index >= bottomStart ? String(format: "%.2f", hierarchy.poolingFactor(key: index - bottomStart)) : "-"
            var row = [node.name, hierarchy.locations[index], Formatting.count(projection.observedTotal),
                       Formatting.count(week.median), interval(week, 0.9), share, Formatting.count(month.median),
                       interval(month, 0.9), pooling]
            if let means = forecast.minTraceMeans?[index] { row.append(Formatting.number(means.prefix(7).reduce(0, +))) }
            table.add(row)
        }
        lines.append(table.render())
        lines.append("  pooling: how far a key's size was pulled towards the keys' common level (0 its own data, 1 wholly pooled)")
        if forecast.method != .bottomUp {
            lines.append("  Total: the keys' joint samples resampled to follow the national projection (top-down conditioning), so that the rows add up; it can be narrower than the headline where the keys' samples do not reach the national projection's tails")
        }
        return lines
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

import Foundation
import Inflow

/// The terminal rendering of the split by province of origin.
enum ProvinceText {
    /// Provinces whose median arrivals over the horizon are below this are left out of the weekly table.
    static let weeklyMinimum = 1.0

    static func lines(_ provincial: ProvincialAnalysis, timeZone: TimeZone) -> [String] {
        let projection = provincial.projection
        let fit = provincial.fit
        let outlooks = ProvinceOutlook.all(projection, fit: fit).sorted { $0.horizon.median > $1.horizon.median }
        let days = projection.site.periods
        var lines = ["By province of origin (provincial inflow model; prior shares: \(projection.shareSource))"]
        let delay = fit.delay
        let a = delay.meanDelayQuantiles(kilometres: 0, levels: [0.05, 0.5, 0.95])
        let aText = String(format: "a = %.1f days lost (90%%: %.1f to %.1f)", a[1], a[0], a[2])
        let delayText = delay.isInformedByCounts
            ? aText + String(format: ", v = %.0f km a day: posterior from the province counts and the national counts", delay.meanKilometresPerDay)
            : aText + String(format: " from the national counts' shape and the prior; v = %.0f km a day, the prior's median (national counts cannot tell speeds apart)",
                             fit.model.delayPrior.median.kilometresPerDay)
        lines.append("  travel time: mean a + km / v, gamma shape \(Formatting.number(fit.model.delayPrior.median.shape)); \(delayText)")
        let onset = fit.origin.addingTimeInterval(fit.onset * InflowSeries.secondsPerDay)
        lines.append("  national fit of the model: pool \(Formatting.count(fit.pool)), mean wait before release \(String(format: "%.1f", 1 / fit.hazard)) days, "
                     + "common onset \(Formatting.date(onset, timeZone: timeZone, withTime: true)); the arrivals split are the headline projection's")
        var table = TextTable(["province", "ISO", "km", "travel days", "prior share", "share", "90%", "next 7 days", "90%",
                               "next \(days) days", "90%", "half by", "90%", "basis"])
        for outlook in outlooks {
            let window = outlook.halfBy
            table.add([outlook.province.name, outlook.province.isoCode, Formatting.count(outlook.province.roadKilometresToPhnomPenh),
                       String(format: "%.1f", outlook.meanTravelDays[1]), Formatting.percent(outlook.priorShare),
                       Formatting.percent(outlook.share.median), percentInterval(outlook.share),
                       Formatting.count(outlook.nextWeek.median), ProjectionText.interval(outlook.nextWeek, 0.9),
                       Formatting.count(outlook.horizon.median), ProjectionText.interval(outlook.horizon, 0.9),
                       window.map { Formatting.date($0.median, timeZone: timeZone) } ?? "-",
                       window.map { "\(Formatting.date($0.lower, timeZone: timeZone)) to \(Formatting.date($0.upper, timeZone: timeZone))" } ?? "-",
                       outlook.basis == .prior ? "prior shares" : "counts"])
        }
        lines.append(table.render())
        lines.append("  half by: the day by which half of the province's arrivals of the next \(days) days have come")
        if projection.isPriorDriven {
            lines.append("  The national counts alone cannot separate provinces: every row follows the prior shares; give province-level counts (a province key column) or a shares file (--shares) to change that.")
        }
        lines.append("")
        lines += weeklyLines(projection, outlooks: outlooks, timeZone: timeZone)
        if !provincial.alternatives.isEmpty {
            lines.append("")
            lines += sensitivityLines(provincial, outlooks: outlooks)
        }
        return lines
    }

    static func percentInterval(_ summary: QuantileSummary) -> String {
        guard let (lower, upper) = summary.interval(0.9) else { return "n/a" }
        return "[\(Formatting.percent(lower)), \(Formatting.percent(upper))]"
    }

    /// Arrivals per province per week: median, 50% and 90% intervals.
    static func weeklyLines(_ projection: ProvincialProjection, outlooks: [ProvinceOutlook], timeZone: TimeZone) -> [String] {
        let needs = projection.weeklyNeeds()
        let weeks = Array(Set(needs.map(\.week))).sorted()
        guard let firstWeek = needs.first(where: { $0.week == 1 }) else { return [] }
        var header = ["province"]
        for week in weeks {
            guard let need = needs.first(where: { $0.week == week }) else { continue }
            header.append("\(Formatting.date(need.firstDay, timeZone: timeZone)) to \(Formatting.date(need.lastDay, timeZone: timeZone))")
        }
        var table = TextTable(header)
        let shown = outlooks.filter { $0.horizon.median >= weeklyMinimum }
        for outlook in shown {
            var row = [outlook.province.name]
            for week in weeks {
                guard let need = needs.first(where: { $0.isoCode == outlook.province.isoCode && $0.week == week }) else {
                    row.append("-")
                    continue
                }
                row.append(cell(need.arrivals))
            }
            table.add(row)
        }
        var lines = ["Weekly needs: arrivals per province per week from \(Formatting.date(firstWeek.firstDay, timeZone: timeZone)), median (50% | 90%)"]
        lines.append(table.render())
        let hidden = outlooks.count - shown.count
        if hidden > 0 { lines.append("  \(hidden) provinces with a median below \(Formatting.count(weeklyMinimum)) over the horizon are left out") }
        return lines
    }

    /// "48 (35-62 | 20-85)".
    static func cell(_ summary: QuantileSummary) -> String {
        let v = summary.values
        guard v.count == 5 else { return Formatting.count(summary.median) }
        return "\(Formatting.count(v[2])) (\(Formatting.count(v[1]))-\(Formatting.count(v[3])) | \(Formatting.count(v[0]))-\(Formatting.count(v[4])))"
    }

    /// Each province's arrivals over the horizon under the prior and each alternative share file.
    static func sensitivityLines(_ provincial: ProvincialAnalysis, outlooks: [ProvinceOutlook]) -> [String] {
        let days = provincial.projection.site.periods
        let all = [provincial.projection] + provincial.alternatives
        var table = TextTable(["province"] + all.map { $0.shareSource })
        for outlook in outlooks {
            var row = [outlook.province.name]
            for split in all {
                guard let index = split.index(of: outlook.province.isoCode) else {
                    row.append("-")
                    continue
                }
                let summary = split.arrivals(index, overFirst: days, levels: WeeklyNeed.levels)
                row.append("\(Formatting.count(summary.median)) \(ProjectionText.interval(summary, 0.9))")
            }
            table.add(row)
        }
        return ["How the next \(days) days by province move with the share prior (median, 90%)", table.render()]
    }
}

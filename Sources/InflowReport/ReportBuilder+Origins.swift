import Foundation
import InflowAnalysis
import InflowProjection
import InflowProvinces

extension ReportBuilder {
    /// Provinces shown as small multiples: the largest by median arrivals over the horizon.
    static let originChartCount = 9
    /// Provinces whose median arrivals over the horizon are below this are left out of the weekly needs table.
    static let weeklyNeedsMinimum = 1.0

    /// The split of the projection by province of origin: what it assumes, a tile map of the arrivals expected
    /// over the horizon, a table per province, small multiples of daily arrivals, the weekly needs table and,
    /// with alternative share files, how the provinces move with the prior.
    func originsSection() -> ReportSection {
        guard let provincial = input.provincial else {
            return ReportSection(id: ReportSectionID.origins.rawValue, title: ReportSectionID.origins.title, blocks: [.paragraph(
                "Not asked for: a provincial model splits the projection by the province the people were released in.")])
        }
        return originsSection(provincial)
    }

    func originsSection(_ provincial: ProvincialAnalysis) -> ReportSection {
        let split = provincial.projection
        let fit = provincial.fit
        let outlooks = ProvinceOutlook.all(split, fit: fit)
        let days = split.site.periods
        var blocks: [ReportBlock] = [.paragraph(originsAssumptions(provincial))]
        if split.isPriorDriven {
            blocks.append(.note(ReportNote(.warning,
                "The national counts alone cannot tell the provinces apart: every province's numbers here follow the prior shares "
                + "(\(split.shareSource)), not the data. Province-level counts (a province key column) or a province shares file "
                + "would change them; the sensitivity table shows how far.")))
        }
        let tiles = outlooks.map { outlook in
            let window = outlook.halfBy.map { "; half of them by \(day($0.median))" } ?? ""
            return ProvinceTile(isoCode: outlook.province.isoCode, label: outlook.province.name,
                                value: outlook.horizon.median.isFinite ? outlook.horizon.median.rounded() : nil,
                                detail: "\(outlook.province.name): \(Self.medianWithInterval(outlook.horizon)) expected in the next \(days) days\(window)"
                                    + (outlook.basis == .prior ? " (prior shares)" : ""),
                                flagged: outlook.basis == .prior)
        }
        blocks.append(.tileMap(ProvinceTileMap(title: "Expected arrivals at the embassy by province of origin, next \(days) days",
                                               valueLabel: "median arrivals in the next \(days) days", tiles: tiles,
                                               id: "origins-map")))
        blocks.append(.table(originsTable(outlooks, days: days)))
        let (charts, maximum) = originCharts(split, outlooks: outlooks)
        if !charts.isEmpty {
            blocks.append(.paragraph("Daily arrivals from the \(charts.count) provinces expected to send the most, median and 90% interval, "
                                     + "on one scale (up to \(ReportFormat.count(maximum)) a day) so that they compare."))
            blocks.append(.smallMultiples(charts))
        }
        blocks.append(.table(weeklyNeedsTable(split, outlooks: outlooks)))
        if !provincial.alternatives.isEmpty {
            blocks.append(.table(shareSensitivityTable(provincial, outlooks: outlooks, days: days)))
        }
        return ReportSection(id: ReportSectionID.origins.rawValue, title: ReportSectionID.origins.title, blocks: blocks)
    }

    /// The model and its assumptions in one paragraph.
    func originsAssumptions(_ provincial: ProvincialAnalysis) -> String {
        let fit = provincial.fit
        let prior = fit.model.delayPrior.median
        let a = fit.delay.meanDelayQuantiles(kilometres: 0, levels: [0.05, 0.5, 0.95])
        let lost = String(format: "about %.1f days lost before travelling (90%%: %.1f to %.1f)", a[1], a[0], a[2])
        let delay = fit.delay.isInformedByCounts
            ? lost + String(format: " and %.0f km a day, estimated from the province counts and the national counts", fit.delay.meanKilometresPerDay)
            : lost + String(format: ", from the shape of the national counts and the prior, and %.0f km a day, assumed (national counts cannot tell speeds apart)", prior.kilometresPerDay)
        let events = fit.model.onsets.isEmpty ? "" : " Known releases fix the onset of \(fit.model.onsets.count) province(s)."
        return "Each arrival at the embassy was released from a compound in some province and then travelled for a time that "
            + "grows with the road distance to Phnom Penh (gamma-distributed, mean = days lost + km ÷ km a day); travel times are \(delay). "
            + "Each province's share of the released people has a Dirichlet prior from \(provincial.projection.shareSource)"
            + (fit.counts?.coverage != nil ? ", updated by the province-level counts." : ".")
            + " The national numbers are the headline projection's; the model only splits them, replicate by replicate, so the provinces "
            + "add up to the national projection in every replicate.\(events)"
    }

    /// One row per province, the largest expected senders first.
    func originsTable(_ outlooks: [ProvinceOutlook], days: Int) -> ReportTable {
        let nbsp = "\u{00A0}"
        func short(_ date: Date) -> String { day(date).replacingOccurrences(of: " ", with: nbsp) }
        let ordered = outlooks.sorted { $0.horizon.median > $1.horizon.median }
        let rows = ordered.map { outlook -> [String] in
            let window = outlook.halfBy.map { "\(short($0.median)) (\(short($0.lower))–\(short($0.upper)))" } ?? "–"
            let share = outlook.share.interval(0.9).map {
                "\(ReportFormat.percent(outlook.share.median)) (\(ReportFormat.percent($0.lower))–\(ReportFormat.percent($0.upper)))"
            } ?? ReportFormat.percent(outlook.share.median)
            return [outlook.province.name, ReportFormat.count(outlook.province.roadKilometresToPhnomPenh),
                    String(format: "%.1f", outlook.meanTravelDays[1]), share, Self.medianWithInterval(outlook.nextWeek),
                    Self.medianWithInterval(outlook.horizon), window, outlook.basis == .prior ? "prior" : "counts"]
        }
        return ReportTable(
            caption: "By province of origin, largest first: share of the released people, arrivals expected (median, 90% interval), "
                + "and the day by which half of the next \(days) days' arrivals have come (90% range)",
            header: ["Province", "Road km", "Travel (days)", "Share", "Next 7 days", "Next \(days) days", "Half by", "Shares from"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .left], rows: rows)
    }

    /// The small multiples of the provinces expected to send the most (at most ``originChartCount``, each with a
    /// positive median over the horizon, largest first), on one scale: a tenth above the highest 90% upper end.
    /// ``Chart/provinces(_:)`` draws them for a library user.
    func originCharts(_ split: ProvincialProjection, outlooks: [ProvinceOutlook]) -> (charts: [Chart], maximum: Double) {
        let charted = outlooks.indices.sorted { outlooks[$0].horizon.median > outlooks[$1].horizon.median }
            .prefix(Self.originChartCount).filter { outlooks[$0].horizon.median > 0 }
        let projections = charted.map { split.projection($0) }
        let maximum = max(1.1 * (projections.map { Self.largest(Self.fan($0)[0].points.compactMap(\.upper)) }.max() ?? 1), 1)
        let charts = zip(charted, projections).map { index, projection in
            originChart(outlooks[index], projection: projection, maximum: maximum)
        }
        return (charts, maximum)
    }

    func originChart(_ outlook: ProvinceOutlook, projection: Projection, maximum: Double) -> Chart {
        let fan = Self.fan(projection)
        var yAxis = ChartAxis(label: "Arrivals", unit: "people per day")
        yAxis.maximum = maximum
        return Chart(title: outlook.province.name, xAxis: dateAxis, yAxis: yAxis, series: [fan[0], fan[2]],
                     summary: "\(outlook.province.name): \(Self.medianWithInterval(outlook.nextWeek)) expected in the next 7 days"
                        + (outlook.basis == .prior ? " (prior shares)." : "."))
    }

    /// Arrivals per province per week: median (50% interval | 90% interval).
    func weeklyNeedsTable(_ split: ProvincialProjection, outlooks: [ProvinceOutlook]) -> ReportTable {
        let needs = split.weeklyNeeds()
        let weeks = needs.filter { $0.isoCode == needs.first?.isoCode }
        let shown = outlooks.filter { $0.horizon.median >= Self.weeklyNeedsMinimum }
            .sorted { $0.horizon.median > $1.horizon.median }
        let rows = shown.map { outlook -> [String] in
            [outlook.province.name] + weeks.map { week in
                guard let need = needs.first(where: { $0.isoCode == outlook.province.isoCode && $0.week == week.week }),
                      need.arrivals.values.count == 5 else { return "–" }
                let v = need.arrivals.values
                return "\(ReportFormat.count(v[2])) (\(ReportFormat.countInterval(v[1], v[3])) | \(ReportFormat.countInterval(v[0], v[4])))"
            }
        }
        let hidden = outlooks.count - shown.count
        return ReportTable(
            caption: "Weekly needs: arrivals per province per week, median (50% interval | 90% interval)"
                + (hidden > 0 ? "; \(hidden) provinces expected to send fewer than \(ReportFormat.count(Self.weeklyNeedsMinimum)) are left out" : ""),
            header: ["Province"] + weeks.map { "\(day($0.firstDay))–\(day($0.lastDay))" },
            alignments: [.left] + weeks.map { _ in .right }, rows: rows)
    }

    /// Each province's arrivals over the horizon under the prior and each alternative share file.
    func shareSensitivityTable(_ provincial: ProvincialAnalysis, outlooks: [ProvinceOutlook], days: Int) -> ReportTable {
        let all = [provincial.projection] + provincial.alternatives
        let rows = outlooks.map { outlook in
            [outlook.province.name] + all.map { split -> String in
                guard let index = split.index(of: outlook.province.isoCode) else { return "–" }
                return Self.medianWithInterval(split.arrivals(index, overFirst: days, levels: WeeklyNeed.levels))
            }
        }
        return ReportTable(caption: "How the next \(days) days by province move with the share prior (median, 90% interval); the national total is the same in every column",
                           header: ["Province"] + all.map(\.shareSource), alignments: [.left] + all.map { _ in .right }, rows: rows)
    }
}

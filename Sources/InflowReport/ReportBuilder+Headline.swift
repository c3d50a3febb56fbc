import Foundation
import InflowModels
import InflowProjection
import InflowStatistics

extension ReportBuilder {
    /// Expected arrivals over the next 7 and 30 days, the remaining pool and whether the peak
    /// has passed, each with its interval.
    func headlineSection() -> ReportSection {
        guard let model = headlineName, let projection = headlineProjection else {
            return ReportSection(.headline, blocks: [
                .note(ReportNote(.warning, "No projection was made, so there are no headline numbers.")),
            ])
        }
        let name = label(model)
        var cards: [HeadlineCard] = []
        let last = projection.origin.addingTimeInterval(projection.grid.boundaries[0] * 86_400)
        cards.append(HeadlineCard(
            label: "Observed so far", value: ReportFormat.count(projection.observedTotal),
            interval: nil,
            detail: "total at the last report, \(ReportFormat.shortDateTime(last, timeZone: timeZone)) (\(utcOffset))"))

        for days in [7, 30] {
            let covered = min(days, projection.periods)
            let summary = projection.arrivals(overFirst: covered)
            let label = covered == days
                ? "Expected arrivals, next \(days) days"
                : "Expected arrivals, next \(covered) days (the whole horizon)"
            cards.append(HeadlineCard(
                label: label, value: ReportFormat.count(summary.median), interval: Self.intervalText(summary),
                detail: "\(periodDay(projection, 0)) – \(periodDay(projection, covered - 1))"))
        }

        if let pool = Self.remainingPool(projection) {
            let bound = pool.sizeBound(coverage: 0.9, observed: projection.observedTotal, remaining: true)
            if bound.isDetermined {
                cards.append(HeadlineCard(
                    label: "Remaining pool", value: ReportFormat.count(pool.median), interval: Self.intervalText(pool),
                    detail: "people of the surge still to come after the last report (background arrivals not included)"))
            } else {
                cards.append(HeadlineCard(
                    label: "Remaining pool", value: "≥ \(ReportFormat.count(bound.lower))",
                    interval: "not determined by these data (at least \(ReportFormat.count(bound.lower)))",
                    detail: "these data set no upper bound on the people still to come; the projected arrivals above stay finite, and knowledge of the pool bounds it (see below)"))
            }
        } else {
            cards.append(HeadlineCard(
                label: "Remaining pool", value: "not bounded", interval: nil,
                detail: "the \(name) model has no final size, so it sets no limit on arrivals"))
        }
        cards.append(peakCard())

        var blocks: [ReportBlock] = [.headline(cards)]
        blocks.append(.paragraph(
            "Figures are medians of \(ReportFormat.count(Double(projection.replicates))) predictive samples from the "
            + "\(name) projection, with central 90% intervals. The intervals cover both the uncertainty of the "
            + "fitted curve and the day-to-day scatter of arrivals; counts are rounded to whole people."
            + (input.background.map { " Projected arrivals include a background of \($0)." } ?? "")))
        if projection.failedReplicates > 0 {
            blocks.append(.note(ReportNote(.warning,
                "\(projection.failedReplicates) of \(projection.replicates) bootstrap replicates gave no usable estimate and are left out of these figures.")))
        }
        return ReportSection(.headline, blocks: blocks)
    }

    /// "90% interval 180–520".
    static func intervalText(_ summary: QuantileSummary) -> String? {
        guard let interval = summary.interval(0.9), interval.lower.isFinite, interval.upper.isFinite else { return nil }
        return "90% interval \(ReportFormat.countInterval(interval.lower, interval.upper))"
    }

    /// Whether the peak inflow rate of the headline fit lies before the last observation.
    func peakCard() -> HeadlineCard {
        guard let fit = headlineFit else {
            return HeadlineCard(label: "Peak passed?", value: "unknown", interval: nil, detail: "no usable curve fit")
        }
        let peak = fit.peakTime(level: 0.9)
        let last = fit.observations.lastTime
        let origin = fit.observations.origin
        func date(_ day: Double) -> Date { origin.addingTimeInterval(day * 86_400) }
        let searchEnd = last + 365
        guard peak.value.isFinite else {
            return HeadlineCard(label: "Peak passed?", value: "unknown", interval: nil,
                                detail: "the \(fit.family.title) fit gives no peak time")
        }
        if peak.value >= searchEnd - 1 {
            return HeadlineCard(label: "Peak passed?", value: "Not yet", interval: "no peak within a year of the last report",
                                detail: "\(fit.family.title) fit (\(fit.error.rawValue) errors)")
        }
        let value: String
        if peak.upper.isFinite && peak.upper < last {
            value = "Yes"
        } else if peak.lower.isFinite && peak.lower > last {
            value = "Not yet"
        } else {
            value = peak.value < last ? "Probably" : "Probably not"
        }
        var interval = "peak on \(day(date(peak.value)))"
        if peak.lower.isFinite && peak.upper.isFinite {
            interval += " (90%: \(day(date(peak.lower))) – \(day(date(peak.upper))))"
        }
        var detail = "\(fit.family.title) fit (\(fit.error.rawValue) errors); last report "
            + ReportFormat.shortDateTime(date(last), timeZone: timeZone)
        if value.hasPrefix("Probably") { detail += "; the 90% interval of the peak includes the last report" }
        return HeadlineCard(label: "Peak passed?", value: value, interval: interval, detail: detail)
    }
}

import Foundation

extension InflowSeries: CustomStringConvertible {
    /// The series as a reader checks it: one line with its name, what its figures are, their first and last times on
    /// the series' clock (``timeZone``) and the origin, then a short table of the figures (all of them up to 12, else
    /// the first and last five). Times are local (``localText(_:dateOnly:withOffset:)``); figures are whole numbers
    /// with thousands separators from 100 up (``CountText/readable(_:)``); a missing figure reads `n/a (missing)`;
    /// a figure that is not exact says what it is (`at least`, `at most`, `partial day`).
    ///
    /// ```
    /// KBRI Phnom Penh: 8 cumulative totals from 2026-01-17T23:59 to 2026-01-24T23:59 (UTC+07:00), counted from 2026-01-16T00:00
    ///   time              cumulative total
    ///   2026-01-17T23:59               243
    ///   ...
    /// ```
    /// - Complexity: O(1) in the length of the series (at most 12 figures are formatted).
    public var description: String {
        let what: String
        let column: String
        switch kind {
        case .cumulative:
            what = count == 1 ? "cumulative total" : "cumulative totals"
            column = "cumulative total"
        case .counts:
            let period = periodLength == 1 ? "daily" : "per \(CountText.readable(periodLength)) days"
            what = periodLength == 1 ? "\(period) count\(count == 1 ? "" : "s")" : "count\(count == 1 ? "" : "s") \(period)"
            column = periodLength == 1 ? "count" : "count (from the time on)"
        case .level:
            what = count == 1 ? "level" : "levels"
            column = "level"
        }
        let zone = Self.zoneText(timeZone)
        let origin: String
        switch kind {
        case .cumulative where cumulativeCountsFromOrigin: origin = ", counted from \(localText(self.origin))"
        case .cumulative: origin = ", the first total is the baseline"
        default: origin = ", origin \(localText(self.origin))"
        }
        guard let first = times.first, let last = times.last else {
            return "\(name): no figures (\(what)), \(zone)"
        }
        let span = count == 1 ? "at \(localText(first))" : "from \(localText(first)) to \(localText(last))"
        var lines = ["\(name): \(count) \(what) \(span) (\(zone))\(origin)"]
        let inexact = hasInexactFigures
        var rows = [["time", column] + (inexact ? ["figure"] : [])]
        for index in TextColumns.shownRows(count) {
            guard let index else {
                rows.append(["... (\(count - 10) more)"])
                continue
            }
            let value = values[index].map(CountText.readable) ?? "n/a (missing)"
            rows.append([localText(times[index]), value] + (inexact ? [Self.figureText(figureKinds[index])] : []))
        }
        lines += TextColumns.aligned(rows, leftAligned: 1, indent: "  ")
        return lines.joined(separator: "\n")
    }

    /// `UTC`, `UTC+07:00` for a fixed offset, else the zone's identifier (`Asia/Phnom_Penh`).
    static func zoneText(_ zone: TimeZone) -> String {
        let text = TimeZoneCoding.text(zone)
        if text == "Z" { return "UTC" }
        if text.hasPrefix("+") || text.hasPrefix("-") { return "UTC" + text }
        return text
    }

    /// What a figure that is not exact says, in words.
    static func figureText(_ kind: FigureKind) -> String {
        switch kind {
        case .exact: "exact"
        case .lowerBound: "at least"
        case .upperBound: "at most"
        case .partialDay: "partial day"
        }
    }
}

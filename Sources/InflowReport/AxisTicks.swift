import Foundation

/// Tick positions for chart axes.
enum AxisTicks {
    /// Round tick values (1, 2, 2.5 or 5 times a power of ten) covering `[lower, upper]`,
    /// about `count` of them, from the multiple at or below `lower` to the one at or above `upper`.
    static func linear(_ lower: Double, _ upper: Double, count: Int, integer: Bool = false) -> (ticks: [Double], step: Double) {
        guard lower.isFinite, upper.isFinite, upper > lower else { return ([lower], 1) }
        let raw = (upper - lower) / Double(max(count, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let normalised = raw / magnitude
        let nice: Double = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10
        var step = nice * magnitude
        if integer { step = max(step.rounded(.up), 1) }
        let first = (lower / step).rounded(.down) * step
        let last = (upper / step).rounded(.up) * step
        var ticks: [Double] = []
        var value = first
        while value <= last + step * 1e-9 && ticks.count < 100 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value = first + Double(ticks.count) * step
        }
        return (ticks, step)
    }

    /// Decimals needed to label ticks `step` apart.
    static func decimals(_ step: Double) -> Int {
        guard step.isFinite, step > 0, step < 1 else { return 0 }
        var digits = 0
        var scaled = step
        while digits < 6 && abs(scaled - scaled.rounded()) > 1e-9 * max(scaled, 1) {
            scaled *= 10
            digits += 1
        }
        return digits
    }

    /// Local midnights within `[lower, upper]` (seconds since 1970), every 1, 2, 3, 7, 14 or
    /// 28 days: the smallest step that gives at most `maximum` ticks.
    static func dates(_ lower: Double, _ upper: Double, maximum: Int, timeZone: TimeZone) -> [Double] {
        guard lower.isFinite, upper.isFinite, upper >= lower else { return [] }
        let calendar = ReportFormat.calendar(timeZone)
        let spanDays = (upper - lower) / 86_400
        let steps = [1, 2, 3, 7, 14, 28, 56, 91, 182, 365]
        let step = steps.first { spanDays / Double($0) <= Double(max(maximum, 1)) } ?? 365
        var day = calendar.startOfDay(for: Date(timeIntervalSince1970: lower))
        if day.timeIntervalSince1970 < lower - 1 {
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? day
        }
        var ticks: [Double] = []
        while day.timeIntervalSince1970 <= upper + 1 && ticks.count < 400 {
            ticks.append(day.timeIntervalSince1970)
            guard let next = calendar.date(byAdding: .day, value: step, to: day) else { break }
            day = next
        }
        return ticks
    }
}

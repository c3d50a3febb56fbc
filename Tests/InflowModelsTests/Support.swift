import InflowCore
import Foundation
import InflowReferenceFiles
import InflowModels

/// Named tolerances for the model tests.
enum Tolerance {
    /// The issue's bar for reproducing reference fits and certified values: 6 significant digits.
    static let referenceDigits = 6.0
    /// Finite-difference check of analytic derivatives: central differences with a relative
    /// step of 1e-6 have truncation error ~1e-12 relative and rounding error ~1e-10 relative;
    /// 1e-6 relative (against max(|analytic|, scale)) catches any wrong formula.
    static let derivativeRelative = 1e-6
    /// `C(t)` far past the data against its limit: every exponential term there is below 1e-300, so the two
    /// differ by rounding only (a few ulps); 1e-12 relative.
    static let farLimit = 1e-12
}

/// Number of agreeing significant digits, capped at 16.
func significantDigits(_ computed: Double, _ reference: Double) -> Double {
    if computed == reference { return 16 }
    let relative = abs(computed - reference) / max(abs(reference), Double.leastNormalMagnitude)
    return min(16, -log10(relative))
}

/// Loads a JSON reference file from `Tests/Reference/Data/` (`path` without `.json`).
func loadReference<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
    try ReferenceFiles.load(T.self, path + ".json")
}

/// The bundled January 2026 embassy figures, read from the committed copy of the CSV.
func embassySeries() throws -> InflowSeries {
    let url = try ReferenceFiles.url("kbri-phnom-penh-2026-01.csv")
    let text = try String(contentsOf: url, encoding: .utf8)
    let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
    var times: [Date] = []
    var values: [Double?] = []
    for row in rows {
        let fields = row.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        times.append(formatter.date(from: String(fields[0]))!)
        values.append(Double(fields[1]))
    }
    return InflowSeries(name: "KBRI Phnom Penh", kind: .cumulative,
                        origin: formatter.date(from: "2026-01-16T00:00")!, times: times, values: values)
}

/// The nine-day reference series (daily counts split from the published totals).
let nineDayCounts: [Double] = [121, 122, 65, 603, 529, 286, 224, 164, 160]

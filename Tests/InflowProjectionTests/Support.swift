import InflowCore
import Foundation
import InflowModels

/// The bundled January 2026 embassy figures (../shared/data/kbri-phnom-penh-2026-01.csv), as
/// published: cumulative totals since 2026-01-16 00:00 local time (UTC+7).
func embassySeries() -> InflowSeries {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    func date(_ text: String) -> Date { formatter.date(from: text + ":00+07:00")! }
    let rows: [(String, Double)] = [
        ("2026-01-17T23:59", 243), ("2026-01-18T23:59", 308), ("2026-01-19T23:59", 911),
        ("2026-01-20T21:00", 1440), ("2026-01-21T23:59", 1726), ("2026-01-22T23:59", 1950),
        ("2026-01-23T17:00", 2117), ("2026-01-24T23:59", 2277),
    ]
    return InflowSeries(name: "KBRI Phnom Penh", kind: .cumulative, origin: date("2026-01-16T00:00"),
                        times: rows.map { date($0.0) }, values: rows.map { $0.1 })
}

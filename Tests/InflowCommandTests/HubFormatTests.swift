import Foundation
import Testing

/// `inflow project --format csv` read back the way a hubverse validator reads model output: the columns, one
/// meaning of `reference_date`, `target_end_date = reference_date + horizon`, known targets, codes or slugs as
/// locations, mean and quantile rows only (the 23 levels, non-decreasing), finite non-negative values and no
/// duplicate rows; for a file of cumulative reports, one of daily counts, one ending in a partial day and a
/// keyed file with regions.
@Suite("Hub model-output format")
struct HubFormatTests {
    static let levels = [0.01, 0.025] + stride(from: 0.05, through: 0.951, by: 0.05).map { ($0 * 100).rounded() / 100 } + [0.975, 0.99]

    /// The days since 1970-01-01 of a `yyyy-MM-dd` date (proleptic Gregorian), or `nil`.
    static func day(_ text: Substring) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        // Days from civil (Hinnant).
        let year = m <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Every problem a validator would report, and the reference dates, horizons and locations seen.
    static func validate(_ csv: String) -> (problems: [String], references: Set<Substring>, horizons: Set<Int>, locations: Set<Substring>) {
        var problems: [String] = []
        var references = Set<Substring>(), horizons = Set<Int>(), locations = Set<Substring>()
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.first == "reference_date,target,horizon,location,target_end_date,output_type,output_type_id,value" else {
            return (["header \(lines.first ?? "")"], [], [], [])
        }
        var seen = Set<Substring>()
        var quantiles: [String: [(Double, Double)]] = [:]
        var means: [String: Int] = [:]
        for (index, line) in lines.dropFirst().enumerated() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count == 8 else { problems.append("line \(index + 2): \(f.count) fields"); continue }
            if !seen.insert(line.dropLast(line.count - line.lastIndex(of: ",")!.utf16Offset(in: line))).inserted {
                problems.append("line \(index + 2): duplicate task and output")
            }
            guard let reference = day(f[0]), let end = day(f[4]), let horizon = Int(f[2]) else {
                problems.append("line \(index + 2): dates or horizon"); continue
            }
            if end - reference != horizon { problems.append("line \(index + 2): target_end_date - reference_date != horizon") }
            if horizon < 0 { problems.append("line \(index + 2): negative horizon") }
            if !["day inc arrivals", "day cum arrivals"].contains(f[1]) { problems.append("line \(index + 2): target \(f[1])") }
            if f[3].isEmpty || f[3].contains(where: { $0 == " " || $0.isUppercase && !f[3].hasPrefix("KH-") }) {
                problems.append("line \(index + 2): location \(f[3]) is not a code or slug")
            }
            guard let value = Double(f[7]), value.isFinite, value >= 0 else { problems.append("line \(index + 2): value \(f[7])"); continue }
            let task = "\(f[0]) \(f[1]) \(f[2]) \(f[3])"
            references.insert(f[0]); horizons.insert(horizon); locations.insert(f[3])
            switch f[5] {
            case "mean":
                if !f[6].isEmpty { problems.append("line \(index + 2): mean with an id") }
                means[task, default: 0] += 1
            case "quantile":
                guard let level = Double(f[6]), levels.contains(where: { abs($0 - level) < 1e-12 }) else {
                    problems.append("line \(index + 2): level \(f[6])"); continue
                }
                quantiles[task, default: []].append((level, value))
            default:
                problems.append("line \(index + 2): output_type \(f[5])")
            }
        }
        for (task, rows) in quantiles {
            if rows.count != levels.count { problems.append("\(task): \(rows.count) quantiles") }
            let sorted = rows.sorted { $0.0 < $1.0 }
            if zip(sorted, sorted.dropFirst()).contains(where: { $0.1 > $1.1 + 1e-9 }) { problems.append("\(task): quantiles fall") }
            if means[task] != 1 { problems.append("\(task): \(means[task] ?? 0) means") }
        }
        return (problems, references, horizons, locations)
    }

    static func project(_ csv: String?, _ extra: [String] = []) throws -> String {
        var arguments = ["project", "--bootstrap", "40", "--curve", "logistic", "--quiet", "--format", "csv", "--horizon", "10"]
        if let csv {
            let file = try CommandRunTests.temporaryDirectory().appendingPathComponent("figures.csv")
            try csv.write(to: file, atomically: true, encoding: .utf8)
            arguments += ["--data", file.path]
        }
        let result = try CommandRunTests.run(arguments + extra)
        #expect(result.status == 0, "\(result.error)")
        return result.output
    }

    @Test func cumulativeReportsOfTheBundledData() throws {
        let (problems, references, horizons, locations) = Self.validate(try Self.project(nil))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(references == ["2026-01-24"] && horizons == Set(1...10) && locations == ["kbri-phnom-penh"])
    }

    @Test func dailyCountsReferToTheirLastDay() throws {
        let counts = [2, 3, 5, 9, 20, 26, 30, 28, 22, 15]
        let csv = "date,arrivals\n" + counts.enumerated().map { String(format: "2026-02-%02d,%d", $0.offset + 1, $0.element) }
            .joined(separator: "\n") + "\n"
        let (problems, references, horizons, _) = Self.validate(try Self.project(csv))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(references == ["2026-02-10"] && horizons == Set(1...10))
    }

    /// The bundled embassy totals up to 22 January, without an offset, header first; tests add the report of the 23rd.
    static let embassyFiguresTo22January = """
        as_of,cumulative_since_2026_01_16
        2026-01-17T23:59,243
        2026-01-18T23:59,308
        2026-01-19T23:59,911
        2026-01-20T21:00,1440
        2026-01-21T23:59,1726
        2026-01-22T23:59,1950

        """

    @Test func aLastReportDuringTheDayStartsAtHorizonZero() throws {
        let csv = Self.embassyFiguresTo22January + "2026-01-23T17:00,2117\n"
        let (problems, references, horizons, _) = Self.validate(try Self.project(csv, ["--time-zone", "+07:00"]))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(references == ["2026-01-23"] && horizons == Set(0...9))
    }

    /// `--time-zone` takes an IANA name as well as an offset: a file whose last report carries its own offset (UTC)
    /// and whose other times have none reads the same under `Asia/Phnom_Penh` as under `+07:00`, and differently
    /// under UTC, so the zone is applied.
    @Test func anIANATimeZoneNameReadsTimesLikeItsOffset() throws {
        let csv = Self.embassyFiguresTo22January + "2026-01-23T10:00Z,2117\n"
        let named = try Self.project(csv, ["--time-zone", "Asia/Phnom_Penh"])
        let offset = try Self.project(csv, ["--time-zone", "+07:00"])
        let utc = try Self.project(csv, ["--time-zone", "UTC"])
        #expect(!named.isEmpty && named == offset)
        #expect(named != utc)
        // 10:00 UTC is 17:00 in Phnom Penh: the rest of 23 January is projected (horizon 0).
        let (problems, references, horizons, _) = Self.validate(named)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(references == ["2026-01-23"] && horizons == Set(0...9))
    }

    @Test func provincesAreISOCodesAndOtherNodesSlugs() throws {
        var rows = ["date,province,region,count"]
        for (day, counts) in [[60, 30, 2], [85, 44, 1], [120, 58, 3], [118, 61, 0], [97, 47, 2], [75, 35, 1], [60, 30, 1]].enumerated() {
            let keys = [("Banteay Meanchey", "West"), ("Svay Rieng", "East"), ("Mondolkiri", "East")]
            for ((name, region), count) in zip(keys, counts) {
                rows.append("2026-01-\(16 + day),\(name),\(region),\(count)")
            }
        }
        let (problems, _, _, locations) = Self.validate(try Self.project(rows.joined(separator: "\n") + "\n",
                                                                         ["--key-column", "province", "--group-column", "region"]))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(locations == ["total", "region-west", "region-east", "KH-1", "KH-20", "mondolkiri"])
    }
}

import Foundation
import InflowAnalysis
import InflowCore
import InflowData
import InflowModels
import InflowProjection
import InflowStatistics
import Testing

/// Mutated inputs, deterministic from a seed: every mutant of three seed files (the bundled cumulative
/// totals, daily counts, a long-format province file) is either refused with a clear error that names its
/// line, or accepted and projected to finite, non-negative numbers within the plausibility limits; and
/// `check` finds an error exactly when loading fails (one validation path). 5,000 mutants in release builds
/// (`make test`), 300 in debug builds.
@Suite("Mutated inputs")
struct MutationTests {
    static let mutants = ProcessInfo.processInfo.environment["INFLOW_RELEASE_TESTS"] != nil ? 5_000 : 300
    static let now = Date(timeIntervalSince1970: 1_769_310_000)
    /// Errors about the file as a whole, which have no line to name.
    static let fileLevelErrors: Set<DataError.Kind> = [.emptyFile, .missingHeader, .noRows, .unreadableFile]
    /// The longest message a single problem may take.
    static let longestMessage = 600
    /// Projected daily arrivals and cumulative totals stay below these (the loader's limit on values is
    /// 10,000,000 a row; the final size is bounded by ten times the observed total).
    static let largestDaily = 1e8
    static let largestCumulative = 1e9

    static let seeds: [(name: String, text: String, options: LoadOptions)] = [
        ("cumulative.csv", """
            # @background: 20..25 arrivals a day before the surge
            as_of,cumulative_since_2026_01_16,note
            2026-01-17T23:59,243,"243 on Jan 16-17"
            2026-01-18T23:59,308,
            2026-01-19T23:59,911,"largest day"
            2026-01-20T21:00,1440,
            2026-01-21T23:59,1726,
            2026-01-22T23:59,1950,
            2026-01-23T17:00,2117,
            2026-01-24T23:59,2277,
            """, LoadOptions(timeZone: TimeZone(secondsFromGMT: 7 * 3600)!)),
        ("daily.csv", """
            date,arrivals
            2026-01-10,2
            2026-01-11,5
            2026-01-12,9
            2026-01-13,20
            2026-01-14,26
            2026-01-15,41
            2026-01-16,38
            2026-01-17,30
            2026-01-18,22
            """, LoadOptions()),
        ("provinces.csv", """
            date,province,count
            2026-01-16,Banteay Meanchey,60
            2026-01-16,Svay Rieng,30
            2026-01-17,Banteay Meanchey,85
            2026-01-17,Svay Rieng,44
            2026-01-18,Banteay Meanchey,120
            2026-01-18,Svay Rieng,58
            2026-01-19,Banteay Meanchey,118
            2026-01-19,Svay Rieng,61
            2026-01-20,Banteay Meanchey,97
            2026-01-20,Svay Rieng,47
            """, LoadOptions(keyColumns: ["province"])),
    ]

    /// Fragments that have broken readers before: NUL, huge and tiny numbers, far dates, quotes, separators.
    static let fragments = ["\u{0}", "1e20", "1e308", "-5", "NaN", "inf", "0x1F", "1970-01-01", "1000-01-16",
                            "9999-12-31", "\"", "\"\"", ",", "\n", "\r\n", "2026-02-30", "T25:00", "+07:00",
                            "1,440", "\u{FEFF}", "é", "\u{1B}[31m", "total", "# @background: 1e9..2e9", " ", "12.5",
                            String(repeating: "9", count: 400)]

    /// One mutation of `text` by `generator`: a byte change, a deleted or repeated span, a swapped pair of
    /// lines, a fragment inserted or replacing a field, or a truncation.
    static func mutate<G: RandomNumberGenerator>(_ text: String, using generator: inout G) -> String {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return text }
        func position() -> Int { Int.random(in: 0..<bytes.count, using: &generator) }
        switch Int.random(in: 0..<7, using: &generator) {
        case 0:
            bytes[position()] = UInt8.random(in: 0...255, using: &generator)
        case 1:
            let start = position()
            bytes.removeSubrange(start..<min(start + Int.random(in: 1...12, using: &generator), bytes.count))
        case 2:
            let start = position()
            let span = bytes[start..<min(start + Int.random(in: 1...40, using: &generator), bytes.count)]
            bytes.insert(contentsOf: span, at: position())
        case 3:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.count > 2 {
                let a = Int.random(in: 1..<lines.count, using: &generator), b = Int.random(in: 1..<lines.count, using: &generator)
                lines.swapAt(a, b)
            }
            return lines.joined(separator: "\n")
        case 4:
            bytes.insert(contentsOf: Array(fragments.randomElement(using: &generator)!.utf8), at: position())
        case 5:
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let index = Int.random(in: 0..<lines.count, using: &generator)
            var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[Int.random(in: 0..<fields.count, using: &generator)] = fragments.randomElement(using: &generator)!
            lines[index] = fields.joined(separator: ",")
            return lines.joined(separator: "\n")
        default:
            bytes.removeSubrange(position()...)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func everyMutantIsRefusedClearlyOrProjectedSanely() throws {
        var refused = 0, projected = 0, unfitted = 0
        var options = AnalysisOptions(families: [Logistic()], replicates: 20, threads: 1, backtestReplicates: 10,
                                      includesRetrospective: false, includesSensitivity: false)
        options.ensemble = .aicc
        for index in 0..<Self.mutants {
            var generator = RandomStreams(seed: 16).generator(series: 0, replicate: index)
            let seed = Self.seeds[index % Self.seeds.count]
            var text = seed.text
            for _ in 0..<(Int.random(in: 0..<10, using: &generator) < 7 ? 1 : 2) { text = Self.mutate(text, using: &generator) }
            let issues = DataCheck.check(csv: text, name: seed.name, options: seed.options, now: Self.now)
            let loaded: LoadedData
            do {
                loaded = try SeriesLoader(options: seed.options, now: Self.now).load(csv: text, name: seed.name)
            } catch let error as DataError {
                refused += 1
                #expect(DataCheck.hasErrors(issues), "mutant \(index): load failed (\(error)) but check found no error")
                #expect(error.line != nil || Self.fileLevelErrors.contains(error.kind), "mutant \(index): \(error) names no line")
                #expect(error.message.count <= Self.longestMessage, "mutant \(index): a \(error.message.count)-character message")
                continue
            }
            #expect(!DataCheck.hasErrors(issues), "mutant \(index): check found \(issues.filter { $0.severity == .error }) but the file loaded")
            let result: AnalysisResult
            do {
                result = try Analysis.run(loaded, options: options)
            } catch AnalysisError.noModelFitted(let series, let failures) {
                // check must have said why: too few observations.
                unfitted += 1
                #expect(loaded.warnings.contains { $0.kind == .fewObservations },
                        "mutant \(index): check said nothing, yet no model could be fitted to \(series): \(failures.map(\.reason))")
                continue
            } catch {
                Issue.record("mutant \(index): the analysis failed with \(error):\n\(text)")
                continue
            }
            projected += 1
            let projection = result.total.headline
            for summary in projection.summaries(.incidence) {
                #expect(summary.mean.isFinite && summary.values.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= Self.largestDaily },
                        "mutant \(index): daily arrivals \(summary.values)")
            }
            let cumulative = projection.summaries(.cumulative)
            for summary in cumulative {
                #expect(summary.values.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= Self.largestCumulative },
                        "mutant \(index): cumulative \(summary.values)")
                // Quantiles rise with the level, and the mean lies within the sample's range.
                #expect(zip(summary.values, summary.values.dropFirst()).allSatisfy { $0 <= $1 }, "mutant \(index): quantiles out of order")
                #expect(summary.mean >= summary.values.first! - 1e-9 && summary.mean <= summary.values.last! + 1e-9,
                        "mutant \(index): mean \(summary.mean) outside \(summary.values.first!)...\(summary.values.last!)")
            }
            // Every quantile of the cumulative total rises with the horizon.
            for (earlier, later) in zip(cumulative, cumulative.dropFirst()) {
                #expect(zip(earlier.values, later.values).allSatisfy { $0 <= $1 + 1e-9 }, "mutant \(index): cumulative falls")
            }
            // A hierarchy adds up in every replicate.
            if let hierarchy = result.hierarchy {
                let total = hierarchy.forecast.total
                let keys = hierarchy.forecast.projections.suffix(hierarchy.hierarchy.bottomCount)
                for b in 0..<total.replicates {
                    for k in 0..<total.periods {
                        let sum = keys.reduce(0.0) { $0 + $1.increments[k, b] }
                        #expect(sum == total.increments[k, b], "mutant \(index): keys do not add up")
                    }
                }
            }
        }
        print("mutants: \(refused) refused, \(projected) projected, \(unfitted) accepted but no model fitted")
        #expect(refused > 0 && projected > 0)
    }
}

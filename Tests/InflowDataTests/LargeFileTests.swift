import InflowCore
import Foundation
import Testing
@testable import InflowData

@Suite("Streaming a large file")
struct LargeFileTests {
    /// Rows in the streamed file: one million by default, which takes about 3 s in a debug build
    /// (10 million take about 22 s of CPU there, over the budget of a unit test); set the
    /// environment variable `INFLOW_LARGE_ROWS=10000000` to stream ten million. The row count
    /// should be a multiple of 10,000.
    static let rowCount = Int(ProcessInfo.processInfo.environment["INFLOW_LARGE_ROWS"] ?? "") ?? 1_000_000

    @Test("a file of many rows is streamed with bounded memory and aggregated by key and day")
    func streamsManyRows() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("large.csv")
            // 100 days x 100 provinces = 10,000 distinct (key, day) pairs; the block of 10,000 rows repeats.
            let days = (0..<100).map { CivilDate(daysSinceEpoch: CivilDate(year: 2025, month: 10, day: 1).daysSinceEpoch + $0).text }
            var block = ""
            var expectedTotal = 0
            for key in 0..<100 {
                for day in 0..<100 {
                    let value = (day + key) % 7
                    expectedTotal += value
                    block += "\(days[day]),P\(key < 10 ? "0" : "")\(key),\(value)\n"
                }
            }
            let blockData = Data(block.utf8)
            let repeats = LargeFileTests.rowCount / 10_000
            _ = FileManager.default.createFile(atPath: url.path, contents: Data("# generated\ndate,province,arrivals\n".utf8))
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            for _ in 0..<repeats { try handle.write(contentsOf: blockData) }
            try handle.close()

            let peakBeforeLoading = peakResidentBytes()
            let clock = ContinuousClock()
            let start = clock.now
            let data = try SeriesLoader(options: LoadOptions(keyColumns: ["province"]), now: testNow).load(contentsOf: url)
            let elapsed = clock.now - start
            let peak = peakResidentBytes()
            print("streamed \(repeats * 10_000) rows in \(elapsed); peak resident memory \(peakBeforeLoading / 1_048_576) MiB before loading, \(peak / 1_048_576) MiB after")

            #expect(data.rowCount == repeats * 10_000)
            #expect(data.series.count == 100)
            #expect(data.series.allSatisfy { $0.count == 100 })
            let total = try #require(data.total)
            #expect(total.count == 100)
            let sum = total.values.reduce(0.0) { $0 + ($1 ?? 0) }
            #expect(sum == Double(expectedTotal * repeats))
            #expect(data.series[3].values[0] == Double(3 * repeats))
            #expect(data.warnings.map(\.kind) == [.unknownProvince, .summedDuplicates])
            #expect(peak < 200 * 1_048_576)
            #expect(peak - peakBeforeLoading < 64 * 1_048_576)
        }
    }
}

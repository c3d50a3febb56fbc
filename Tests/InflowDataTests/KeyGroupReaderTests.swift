import Foundation
import InflowCore
@testable import InflowData
import Testing

/// Reading a keyed file one key at a time, one shard of the keys at a time.
@Suite("Key groups and shards")
struct KeyGroupReaderTests {
    static let csv = """
        # @background: 2 arrivals a day
        site,date,arrivals
        a,2026-01-16,3
        a,2026-01-17,5
        a,2026-01-18,9
        b,2026-01-16,1
        b,2026-01-17,2
        c,2026-01-16,7
        c,2026-01-17,4
        c,2026-01-18,2

        """

    static func groups(_ text: String, shard: Shard = .whole) throws -> [KeyGroup] {
        let reader = try KeyGroupReader(reader: CSVReader(string: text, name: "sites.csv"),
                                        options: LoadOptions(keyColumns: ["site"]), shard: shard)
        var groups: [KeyGroup] = []
        while let group = try reader.next() { groups.append(group) }
        return groups
    }

    @Test func eachKeyIsItsOwnSeriesWithTheFilesDirectives() throws {
        let groups = try Self.groups(Self.csv)
        #expect(groups.map(\.key) == ["a", "b", "c"])
        let a = groups[0].data
        #expect(a.series.count == 1 && a.total == nil && a.keyColumns.isEmpty)
        #expect(a.series[0].name == "a" && a.series[0].values == [3, 5, 9])
        #expect(a.statedBackground?.lower == 2)
        #expect(groups[2].data.keyLines == [8])
    }

    @Test func theSameKeysAsTheWholeFileLoader() throws {
        let whole = try SeriesLoader(options: LoadOptions(keyColumns: ["site"])).load(csv: Self.csv, name: "sites.csv")
        let groups = try Self.groups(Self.csv)
        for (series, group) in zip(whole.series, groups) {
            #expect(series.name == group.data.series[0].name)
            #expect(series.values == group.data.series[0].values && series.times == group.data.series[0].times)
        }
    }

    @Test func shardsCoverEveryKeyOnce() throws {
        var seen: [String] = []
        for index in 1...3 {
            let shard = try #require(Shard(index: index, count: 3))
            for group in try Self.groups(Self.csv, shard: shard) {
                #expect(shard.contains(group.key))
                seen.append(group.key)
            }
        }
        #expect(seen.sorted() == ["a", "b", "c"])
    }

    @Test func aBadRowIsAnErrorNamingTheFilesLine() throws {
        let bad = Self.csv.replacingOccurrences(of: "b,2026-01-17,2", with: "b,2026-01-17,two")
        #expect(throws: DataError.self) { try Self.groups(bad) }
        do {
            _ = try Self.groups(bad)
        } catch let error as DataError {
            #expect(error.line == 7 && error.column == 3, "\(error)")
        }
    }

    @Test func aKeyWhoseRowsResumeLaterIsAnError() throws {
        let unsorted = Self.csv + "a,2026-01-19,4\n"
        do {
            _ = try Self.groups(unsorted)
            Issue.record("expected an error")
        } catch let error as DataError {
            #expect(error.kind == .unsortedRows && error.line == 11, "\(error)")
            #expect(error.message.contains("first row is on line 3") && error.message.contains("sort or group the file by key"))
        }
    }

    @Test func aMissingKeyColumnIsWordedAsTheLoaderWordsIt() throws {
        do {
            _ = try KeyGroupReader(reader: CSVReader(string: Self.csv, name: "sites.csv"), options: LoadOptions(keyColumns: ["region"]))
            Issue.record("expected an error")
        } catch let error as DataError {
            #expect(error.kind == .missingColumn && error.line == 2 && error.message.contains("region"), "\(error)")
        }
    }

    @Test func shardsParseAndRefuseNonsense() {
        #expect(Shard("2/8") == Shard(index: 2, count: 8))
        for text in ["0/4", "5/4", "1/0", "a/b", "1/2/3", "", "1"] { #expect(Shard(text) == nil, "\(text)") }
        // FNV-1a of "a" (the reference value of the FNV test suite).
        #expect(StableHash.fnv1a("a") == 0xaf63dc4c8601ec8c)
    }
}

import Foundation
import InflowCore
import InflowData
import Testing

/// What the loader does with the parts of a hierarchy: group columns, a total stated in the file, subtotal
/// keys, province names the gazetteer does not know, keys with one observation or no arrivals.
@Suite("Loading hierarchies")
struct HierarchyLoadingTests {
    static let loader = SeriesLoader(options: {
        var options = LoadOptions(keyColumns: ["province"])
        options.groupColumns = ["region"]
        return options
    }(), now: .distantFuture)

    static let file = """
        date,province,region,count
        2026-01-16,Banteay Meanchey,West,10
        2026-01-16,Svay Rieng,East,4
        2026-01-16,Mondolkiri,East,0
        2026-01-16,Kratie,East,0
        2026-01-16,Total,,15
        2026-01-17,Banteay Meanchey,West,12
        2026-01-17,Svay Rieng,East,6
        2026-01-17,Kratie,East,0
        2026-01-17,Total,,18
        """

    @Test func groupColumnsGiveEachKeyItsGroup() throws {
        let data = try Self.loader.load(csv: Self.file, name: "p.csv")
        #expect(data.series.map(\.name) == ["Banteay Meanchey", "Svay Rieng", "Mondolkiri", "Kratie"])
        #expect(data.groupColumns == ["region"])
        #expect(data.groupValues == [["West"], ["East"], ["East"], ["East"]])
        #expect(data.keyLines == [2, 3, 4, 5])
    }

    @Test func aStatedTotalIsKeptApartAndComparedNotReplaced() throws {
        let data = try Self.loader.load(csv: Self.file, name: "p.csv")
        let stated = try #require(data.statedTotal)
        #expect(stated.values == [15, 18])
        #expect(data.total?.values == [14, 18])
        let warning = try #require(data.warnings.first { $0.kind == .totalDiffers })
        #expect(warning.line == 6)
        #expect(warning.description.contains("p.csv:6"))
        #expect(warning.message.contains("15 stated, 14 summed"))
    }

    @Test func anUnknownProvinceIsKeptWithTheNearestName() throws {
        let data = try Self.loader.load(csv: Self.file, name: "p.csv")
        let warning = try #require(data.warnings.first { $0.kind == .unknownProvince })
        #expect(warning.line == 4 && warning.column == 2)
        #expect(warning.message.contains("\"Mondolkiri\"") && warning.message.contains("nearest is Mondulkiri (KH-11)"))
        #expect(data.series.contains { $0.name == "Mondolkiri" })
    }

    @Test func keysWithOneObservationOrNoArrivalsAreKeptAndNamed() throws {
        let data = try Self.loader.load(csv: Self.file, name: "p.csv")
        let sparse = data.warnings.filter { $0.kind == .sparseKey }
        #expect(sparse.map(\.line) == [4, 5])
        #expect(sparse[0].message.contains("\"Mondolkiri\" has one observation"))
        #expect(sparse[1].message.contains("\"Kratie\" has had no arrivals"))
        #expect(data.series.count == 4)
    }

    @Test func aKeyWhoseGroupChangesIsAnError() {
        let file = """
            date,province,region,count
            2026-01-16,Kandal,West,1
            2026-01-17,Kandal,East,2
            """
        do {
            _ = try Self.loader.load(csv: file, name: "g.csv")
            Issue.record("expected an error")
        } catch let error as DataError {
            #expect(error.kind == .inconsistentGroup && error.line == 3)
            #expect(error.description.hasPrefix("g.csv:3:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aSubtotalKeyIsReadAsAKeyAndSaidSo() throws {
        let loader = SeriesLoader(options: LoadOptions(keyColumns: ["province", "nationality"]), now: .distantFuture)
        let data = try loader.load(csv: """
            date,province,nationality,count
            2026-01-16,Kandal,Indonesia,3
            2026-01-16,Kandal,Total,5
            """, name: "s.csv")
        #expect(data.series.count == 2)
        #expect(data.warnings.contains { $0.kind == .subtotalKey && $0.line == 3 })
    }

    @Test func theGazetteerSuggestsTheNearestName() throws {
        let gazetteer = try ProvinceGazetteer.bundled()
        #expect(gazetteer.nearest(to: "Mondolkiri")?.isoCode == "KH-11")
        #expect(gazetteer.nearest(to: "banteay-meanchay")?.isoCode == "KH-1")
        #expect(gazetteer.nearest(to: "Jakarta") == nil)
    }
}

import Foundation
import InflowAnalysis
import InflowData
import InflowHierarchy
import InflowModels
import InflowReport
import Testing

/// The saved report of a keyed analysis carries its hierarchy: every node with its level, location and keys,
/// the keys' pooling, the pooled fits and the reconciliation, and it survives a round trip through JSON.
@Suite("The hierarchy in a saved report")
struct HierarchyRecordTests {
    static let file = """
        date,province,region,count
        2026-01-16,Banteay Meanchey,West,60
        2026-01-16,Svay Rieng,East,30
        2026-01-16,Mondolkiri,East,2
        2026-01-17,Banteay Meanchey,West,85
        2026-01-17,Svay Rieng,East,44
        2026-01-17,Mondolkiri,East,1
        2026-01-18,Banteay Meanchey,West,120
        2026-01-18,Svay Rieng,East,58
        2026-01-18,Mondolkiri,East,3
        2026-01-19,Banteay Meanchey,West,118
        2026-01-19,Svay Rieng,East,61
        2026-01-19,Mondolkiri,East,0
        2026-01-20,Banteay Meanchey,West,97
        2026-01-20,Svay Rieng,East,47
        2026-01-20,Mondolkiri,East,2
        2026-01-21,Banteay Meanchey,West,75
        2026-01-21,Svay Rieng,East,35
        2026-01-21,Mondolkiri,East,1
        """

    static func saved(_ method: ReconciliationMethod) throws -> SavedReport {
        var loadOptions = LoadOptions(keyColumns: ["province"])
        loadOptions.groupColumns = ["region"]
        return try saved(SeriesLoader(options: loadOptions, now: .distantFuture).load(csv: file, name: "provinces.csv"),
                         method: method)
    }

    /// The saved report of a quick logistic analysis of `data`.
    static func saved(_ data: LoadedData, method: ReconciliationMethod = .conditioning) throws -> SavedReport {
        var options = AnalysisOptions(families: [Logistic()], replicates: 100, threads: 2, backtestReplicates: 20,
                                      includesRetrospective: false, includesSensitivity: false)
        options.reconciliation = method
        let result = try Analysis.run(data, options: options)
        return ReportBuilder(ReportInput(analysis: result, toolVersion: "inflow test",
                                         generatedAt: Date(timeIntervalSince1970: 0))).savedReport()
    }

    @Test func everyNodeIsRecordedWithItsLevelLocationKeysAndPooling() throws {
        let record = try #require(try Self.saved(.conditioning).hierarchy)
        #expect(record.reconciliation == .conditioning)
        #expect(record.candidates >= 100)
        let ess = try #require(record.effectiveSampleSize)
        #expect(ess > 1 && ess <= Double(record.candidates))
        #expect(record.nodes.map(\.name) == ["Total", "region: East", "region: West", "Banteay Meanchey", "Svay Rieng", "Mondolkiri"]
                || record.nodes.first?.name == "Total")
        #expect(record.nodes.first?.level == "total")
        #expect(record.nodes.first?.keys.count == 3)
        let keys = record.nodes.filter { $0.level == "key" }
        #expect(keys.count == 3)
        #expect(keys.first { $0.name == "Banteay Meanchey" }?.location == "KH-1")
        #expect(keys.first { $0.name == "Mondolkiri" }?.location == "mondolkiri")
        #expect(Set(record.nodes.filter { $0.level == "group:region" }.map(\.name)).count == 2)
        for key in keys {
            let pooling = try #require(key.poolingFactor)
            #expect(pooling >= 0 && pooling <= 1)
            #expect(key.shareNext7Days.lower <= key.shareNext7Days.median)
            #expect(key.shareNext7Days.median <= (key.shareNext7Days.upper ?? 1))
        }
        // The sparse key leans on the others more than the largest.
        let sparse = try #require(keys.first { $0.name == "Mondolkiri" }?.poolingFactor)
        let large = try #require(keys.first { $0.name == "Banteay Meanchey" }?.poolingFactor)
        #expect(sparse > large)
        #expect(record.pooledFits.map(\.family) == ["logistic"])
        #expect(abs(record.pooledFits.map(\.share).reduce(0, +) - 1) < 1e-12)
        #expect(record.nodes.allSatisfy { $0.poolingFactor == nil || $0.level == "key" })
    }

    @Test func theHierarchyRoundTripsThroughJSON() throws {
        let saved = try Self.saved(.bottomUp)
        let renderer = JSONRenderer()
        let json = try renderer.render(saved)
        #expect(json.contains("\"hierarchy\" : {"))
        #expect(json.contains("\"reconciliation\" : \"bottom-up\""))
        let decoded = try renderer.decode(Data(json.utf8))
        #expect(decoded.hierarchy == saved.hierarchy)
        #expect(try renderer.render(decoded) == json)
    }

    @Test func aReportWithoutKeysHasNoHierarchy() throws {
        let data = try SeriesLoader(now: .distantFuture).load(csv: "date,count\n2026-01-16,3\n2026-01-17,9\n2026-01-18,20\n2026-01-19,26\n2026-01-20,30\n2026-01-21,24\n", name: "one.csv")
        let saved = try Self.saved(data)
        #expect(saved.hierarchy == nil)
        #expect(try JSONRenderer().render(saved).contains("\"hierarchy\" : null"))
    }
}

import Foundation
import InflowAnalysis
import InflowCore
import InflowData
import InflowHierarchy
import InflowModels
import InflowProjection
import Testing

/// The pipeline with key columns: a hierarchy of every node, coherent in every replicate, with hub locations,
/// pooling and each reconciliation method.
@Suite("Hierarchies in the pipeline")
struct HierarchyAnalysisTests {
    static let file = """
        date,province,region,count
        2026-01-16,Banteay Meanchey,West,60
        2026-01-16,Svay Rieng,East,30
        2026-01-16,Mondulkiri,East,2
        2026-01-16,Kratie,East,0
        2026-01-17,Banteay Meanchey,West,85
        2026-01-17,Svay Rieng,East,44
        2026-01-17,Mondulkiri,East,1
        2026-01-17,Kratie,East,0
        2026-01-18,Banteay Meanchey,West,120
        2026-01-18,Svay Rieng,East,58
        2026-01-18,Mondulkiri,East,3
        2026-01-18,Kratie,East,0
        2026-01-19,Banteay Meanchey,West,118
        2026-01-19,Svay Rieng,East,61
        2026-01-19,Mondulkiri,East,0
        2026-01-19,Kratie,East,0
        2026-01-20,Banteay Meanchey,West,96
        2026-01-20,Svay Rieng,East,47
        2026-01-20,Mondulkiri,East,2
        2026-01-20,Kratie,East,0
        2026-01-21,Banteay Meanchey,West,70
        2026-01-21,Svay Rieng,East,35
        2026-01-21,Mondulkiri,East,1
        2026-01-21,Kratie,East,0
        2026-01-22,Banteay Meanchey,West,52
        2026-01-22,Svay Rieng,East,24
        2026-01-22,Mondulkiri,East,1
        2026-01-22,Kratie,East,0
        """

    static func data() throws -> LoadedData {
        var options = LoadOptions(keyColumns: ["province"])
        options.groupColumns = ["region"]
        return try SeriesLoader(options: options, now: .distantFuture).load(csv: file, name: "provinces.csv")
    }

    static func run(_ method: ReconciliationMethod, mint: MinTraceMethod = .wlsStructural) throws -> AnalysisResult {
        var options = AnalysisPipelineTests.options()
        options.replicates = 200
        options.reconciliation = method
        options.minTraceMethod = mint
        return try Analysis.run(data(), options: options)
    }

    @Test(arguments: [ReconciliationMethod.bottomUp, .conditioning])
    func everyNodeIsTheSumOfItsKeysInEveryReplicate(method: ReconciliationMethod) throws {
        let result = try Self.run(method)
        let hierarchy = try #require(result.hierarchy)
        #expect(hierarchy.hierarchy.nodes.map(\.name)
                == ["Total", "region: West", "region: East", "Banteay Meanchey", "Svay Rieng", "Mondulkiri", "Kratie"])
        #expect(hierarchy.forecast.method == method)
        let projections = hierarchy.forecast.projections
        for (index, node) in hierarchy.hierarchy.nodes.enumerated() where node.level != .bottom {
            for b in 0..<projections[index].replicates {
                for k in 0..<projections[index].periods {
                    let sum = node.bottom.reduce(0.0) { $0 + projections[3 + $1].increments[k, b] }
                    #expect(projections[index].increments[k, b] == sum)
                }
            }
        }
        #expect(projections.allSatisfy { $0.increments.elements.allSatisfy { $0 >= 0 && $0 == $0.rounded() } })
    }

    @Test func provincesOfTheGazetteerAreLocatedByTheirISOCode() throws {
        let hierarchy = try #require(try Self.run(.conditioning).hierarchy)
        #expect(hierarchy.locations == ["total", "region-west", "region-east", "KH-1", "KH-20", "KH-11", "KH-10"])
    }

    @Test func sparseKeysAreShrunkAndKeyWithoutArrivalsIsKept() throws {
        let result = try Self.run(.conditioning)
        let hierarchy = try #require(result.hierarchy)
        #expect(hierarchy.poolingFactor(key: 3) > hierarchy.poolingFactor(key: 0))
        #expect(hierarchy.poolingFactor(key: 2) > hierarchy.poolingFactor(key: 0))
        let kratie = try #require(hierarchy.forecast.projection(named: "Kratie"))
        #expect(kratie.arrivals(overFirst: 7).quantile(0.95)! < 10)
        #expect(result.warnings.contains { $0.contains("provinces.csv:5:2") && $0.contains("Kratie") })
    }

    @Test func mintMeansAddUp() throws {
        for method in [MinTraceMethod.ols, .wlsStructural, .shrink] {
            let result = try Self.run(.mint, mint: method)
            let hierarchy = try #require(result.hierarchy)
            let means = try #require(hierarchy.forecast.minTraceMeans)
            #expect(hierarchy.forecast.minTrace?.method == method)
            for k in 0..<means[0].count {
                let keys = means[3...].reduce(0.0) { $0 + $1[k] }
                #expect(abs(means[0][k] - keys) <= 1e-9 * max(abs(keys), 1))
                #expect(abs(means[1][k] - means[3][k]) <= 1e-9 * max(abs(means[1][k]), 1))
            }
        }
    }

    @Test func theRunIsReproducibleFromItsSeedWhateverTheThreads() throws {
        var options = AnalysisPipelineTests.options()
        options.replicates = 100
        let a = try Analysis.run(Self.data(), options: options)
        options.threads = 1
        let b = try Analysis.run(Self.data(), options: options)
        let first = try #require(a.hierarchy), second = try #require(b.hierarchy)
        for (x, y) in zip(first.forecast.projections, second.forecast.projections) { #expect(x.increments == y.increments) }
    }
}

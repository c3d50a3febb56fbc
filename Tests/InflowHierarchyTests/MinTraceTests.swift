import Foundation
import Testing
import InflowHierarchy
import InflowLinearAlgebra
import InflowReferenceFiles

/// MinT against hierarchicalforecast 1.5.3 (`Tests/Reference/Data/hierarchy`, written by `make_mint.py`).
@Suite("MinT reconciliation")
struct MinTraceTests {
    /// Relative agreement asked of reconciled means (the bar). hierarchicalforecast adds 2e-8 to each
    /// standard deviation in its shrinkage intensity, which moves its means by 2e-10 of the largest here.
    static let relativeTolerance = 1e-8

    struct Reference: Decodable {
        let nodes: [String]
        let bottom: [String]
        let S: [[Double]]
        let residuals: [[Double]]
        let base: [[Double]]
        let reconciled: [String: [[Double]]]
        let mintShrinkLambda: Double
    }

    static func reference() throws -> Reference {
        try ReferenceFiles.load(Reference.self, "hierarchy/mint.json")
    }

    /// The reference's hierarchy built from its keys and a region column.
    static func hierarchy() -> Hierarchy {
        let regions = ["Banteay Meanchey": "West", "Svay Rieng": "East", "Preah Sihanouk": "West",
                       "Kandal": "West", "Mondulkiri": "East"]
        let bottoms = ["Banteay Meanchey", "Svay Rieng", "Preah Sihanouk", "Kandal", "Mondulkiri"]
        return Hierarchy(keys: bottoms.map { [$0] }, keyColumns: ["province"], groupColumns: ["region"],
                         groupValues: bottoms.map { [regions[$0]!] })
    }

    @Test func theHierarchyHasTheReferenceSummingMatrix() throws {
        let reference = try Self.reference()
        let hierarchy = Self.hierarchy()
        #expect(hierarchy.summingMatrix == Matrix(rowMajor: reference.S))
        #expect(hierarchy.nodes.map(\.name) == ["Total", "region: West", "region: East"] + reference.bottom)
    }

    @Test(arguments: [MinTraceMethod.ols, .wlsStructural, .shrink])
    func reconciledMeansMatchHierarchicalForecast(method: MinTraceMethod) throws {
        let reference = try Self.reference()
        let mint = try MinTrace(summing: Matrix(rowMajor: reference.S), method: method,
                                residuals: Matrix(rowMajor: reference.residuals))
        let expected = reference.reconciled[method.description]!
        let scale = expected.joined().map(abs).max()!
        for (h, base) in reference.base.enumerated() {
            let ours = mint.reconcile(base)
            for (node, value) in ours.enumerated() {
                #expect(abs(value - expected[h][node]) <= Self.relativeTolerance * scale,
                        "\(method) h=\(h + 1) \(reference.nodes[node]): \(value) vs \(expected[h][node])")
            }
        }
    }

    @Test func shrinkageIntensityMatchesSchaferStrimmer() throws {
        let reference = try Self.reference()
        let shrunk = ShrunkCovariance(residuals: Matrix(rowMajor: reference.residuals))
        #expect(abs(shrunk.intensity - reference.mintShrinkLambda) < Self.relativeTolerance)
    }

    @Test func reconciledMeansAddUp() throws {
        let reference = try Self.reference()
        let mint = try MinTrace(summing: Matrix(rowMajor: reference.S), method: .wlsStructural)
        let values = mint.reconcile(reference.base[0])
        #expect(abs(values[0] - values[3...].reduce(0, +)) < 1e-9 * abs(values[0]))
        #expect(abs(values[1] - (values[3] + values[5] + values[6])) < 1e-9 * abs(values[1]))
    }

    @Test func shrinkWithoutResidualsIsAnError() {
        #expect(throws: MinTrace.Failure.residualsNeeded) {
            try MinTrace(summing: Self.hierarchy().summingMatrix, method: .shrink)
        }
    }

    @Test func coherentBaseForecastsAreLeftAlone() throws {
        let hierarchy = Self.hierarchy()
        let bottoms = [3.0, 0.5, 7.25, 1.0, 12.0]
        let coherent = hierarchy.summingMatrix * bottoms
        for method in [MinTraceMethod.ols, .wlsStructural] {
            let mint = try MinTrace(summing: hierarchy.summingMatrix, method: method)
            for (a, b) in zip(mint.reconcile(coherent), coherent) { #expect(abs(a - b) < 1e-12 * 25) }
        }
    }
}

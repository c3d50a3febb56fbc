import Foundation
import InflowReferenceFiles

/// The values written by `Tests/Reference/Data/distributions/make_reference.py` (scipy, numpy, mpmath and the reference generator
/// algorithms) into `Tests/Reference/Data/distributions/distributions.json`.
struct ReferenceData: Decodable, Sendable {
    struct SplitMixCase: Decodable, Sendable {
        var seed: String
        var outputs: [String]
    }

    struct XoshiroCase: Decodable, Sendable {
        var seed: String
        var state: [String]
        var outputs: [String]
        var afterJump: [String]
        var afterLongJump: [String]
    }

    struct StreamKeyCase: Decodable, Sendable {
        var seed: String
        var series: Int
        var replicate: Int
        var key: String
        var outputs: [String]
    }

    struct StreamCase: Decodable, Sendable {
        var seed: String
        var index: String
        var outputs: [String]
    }

    struct RandomStreamCases: Decodable, Sendable {
        var seriesReplicate: [StreamKeyCase]
        var streams: [StreamCase]
    }

    struct Special: Decodable, Sendable {
        var logGamma: [[Double]]
        var logBeta: [[Double]]
        var digamma: [[Double]]
        var trigamma: [[Double]]
        var regularizedGamma: [[Double]]
        var inverseRegularizedGammaP: [[Double]]
        var regularizedBeta: [[Double]]
        var inverseRegularizedBeta: [[Double]]
        var erf: [[Double]]
        var normalQuantile: [[Double]]
    }

    struct ContinuousCase: Decodable, Sendable {
        var name: String
        var parameters: [Double]
        var x: [Double]
        var logDensity: [Double]
        var cdf: [Double]
        var p: [Double]
        var quantile: [Double]
    }

    struct DiscreteCase: Decodable, Sendable {
        var name: String
        var parameters: [Double]
        var k: [Int]
        var logProbability: [Double]
        var cdf: [Double]
        var p: [Double]
        var quantile: [Int]
    }

    struct MultinomialCase: Decodable, Sendable {
        var count: Int
        var probabilities: [Double]
        var counts: [[Int]]
        var logProbability: [Double]
    }

    struct DirichletCase: Decodable, Sendable {
        var concentrations: [Double]
        var x: [[Double]]
        var logDensity: [Double]
    }

    struct Distributions: Decodable, Sendable {
        var normal: [ContinuousCase]
        var gamma: [ContinuousCase]
        var beta: [ContinuousCase]
        var poisson: [DiscreteCase]
        var negativeBinomial: [DiscreteCase]
        var binomial: [DiscreteCase]
        var multinomial: [MultinomialCase]
        var dirichlet: [DirichletCase]
    }

    struct SampleQuantileCase<Value: Decodable & Sendable>: Decodable, Sendable {
        var name: String
        var sample: [Value]
        var levels: [Double]
        var values: [Double]
    }

    var splitmix64: [SplitMixCase]
    var xoshiro256starstar: [XoshiroCase]
    var randomStreams: RandomStreamCases
    var special: Special
    var distributions: Distributions
    var sampleQuantiles: [SampleQuantileCase<Double>]
    var integerSampleQuantiles: SampleQuantileCase<Int>

    /// The decoded reference file, loaded once.
    static let shared: ReferenceData = {
        guard let url = try? ReferenceFiles.url("distributions/distributions.json") else {
            fatalError("Data/distributions/distributions.json is missing from the reference bundle")
        }
        do {
            return try JSONDecoder().decode(ReferenceData.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot decode Data/distributions/distributions.json: \(error)")
        }
    }()
}

extension UInt64 {
    /// Parses the decimal strings the reference file uses for 64-bit integers.
    init(reference text: String) {
        guard let value = UInt64(text) else { fatalError("not a UInt64: \(text)") }
        self = value
    }
}

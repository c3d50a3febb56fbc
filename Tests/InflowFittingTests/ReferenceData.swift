import Foundation
import InflowReferenceFiles
import InflowFitting

/// Loads a JSON file from `Tests/Reference/Data/` (`path` without `.json`).
func loadReference<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
    try ReferenceFiles.load(T.self, path + ".json")
}

/// A NIST StRD nonlinear regression problem as committed in `Tests/Reference/Data/nist-nonlinear/*.json`
/// (transcription checked by `Tests/Reference/Data/nist-nonlinear/check_nist_nls.py`).
struct NISTProblem: Decodable {
    struct Certified: Decodable {
        let parameters: [Double]
        let standardErrors: [Double]
        let residualSumOfSquares: Double
        let residualStandardDeviation: Double
        let degreesOfFreedom: Int
    }
    let name: String
    let x: [Double]
    let y: [Double]
    let start1: [Double]
    let start2: [Double]
    let certified: Certified

    static func load(_ name: String) throws -> NISTProblem {
        try loadReference(NISTProblem.self, "nist-nonlinear/\(name)")
    }
}

/// The nine-day series and its reference fits (`Tests/Reference/Data/nine-day/nine_day.json`, written by
/// `Tests/Reference/Data/nine-day/make_nine_day.py` with statsmodels, scipy and a 40-digit mpmath refit).
struct NineDayReference: Decodable {
    struct Poisson: Decodable {
        let params: [Double]
        let bse: [Double]
        let deviance: Double
        let pearson_chi2: Double
        let llf: Double
        let fitted: [Double]
        let df_resid: Double
    }
    struct NB2: Decodable {
        let params: [Double]
        let theta: Double
        let alpha: Double
        let bseThetaFixed: [Double]
        let paramsThetaFixedGLM: [Double]
        let fitted: [Double]
    }
    struct Curve: Decodable {
        let params: [Double]
        let bse: [Double]
        let rss: Double
        let start: [Double]
    }
    let y: [Double]
    let t: [Double]
    let poisson: Poisson
    let nb2: NB2
    let logisticLevel: Curve
    let logisticIncidence: Curve

    static func load() throws -> NineDayReference { try loadReference(NineDayReference.self, "nine-day/nine_day") }
}

extension SIMD8 where Scalar == Double {
    /// The first values of `array` in lanes `0..<array.count`, zeros after.
    init(padding array: [Double]) {
        self = .zero
        for (j, value) in array.prefix(8).enumerated() { self[j] = value }
    }
}

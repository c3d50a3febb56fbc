import InflowLinearAlgebra

/// The results of a ``BatchedGLM`` fit while its chunks are being fitted: raw buffers that each chunk fills
/// for its own series only (so threads never write the same slot), turned into a ``BatchedGLM/Result`` at the end.
final class BatchedGLMOutputs: @unchecked Sendable {
    let coefficientCount: Int
    let seriesCount: Int
    private let coefficients: UnsafeMutableBufferPointer<Double>
    private let standardErrors: UnsafeMutableBufferPointer<Double>?
    private let deviance: UnsafeMutableBufferPointer<Double>
    private let iterations: UnsafeMutableBufferPointer<Int>
    private let status: UnsafeMutableBufferPointer<IRLS.Status>
    private let theta: UnsafeMutableBufferPointer<Double>?

    init(coefficientCount p: Int, seriesCount: Int, standardErrors withErrors: Bool, theta withTheta: Bool) {
        coefficientCount = p
        self.seriesCount = seriesCount
        coefficients = .allocate(capacity: p * seriesCount)
        coefficients.initialize(repeating: .nan)
        standardErrors = withErrors ? .allocate(capacity: p * seriesCount) : nil
        standardErrors?.initialize(repeating: .nan)
        deviance = .allocate(capacity: seriesCount)
        deviance.initialize(repeating: .nan)
        iterations = .allocate(capacity: seriesCount)
        iterations.initialize(repeating: 0)
        status = .allocate(capacity: seriesCount)
        status.initialize(repeating: .maximumIterations)
        theta = withTheta ? .allocate(capacity: seriesCount) : nil
        theta?.initialize(repeating: .nan)
    }

    deinit {
        for buffer in [coefficients, deviance] + [standardErrors, theta].compactMap({ $0 }) { buffer.deallocate() }
        iterations.deallocate()
        status.deinitialize().deallocate()
    }

    /// Copies chunk results for series `first ..< first + count`, turning the scaled design's coefficients
    /// (and standard errors) back into the caller's units: `b_j = b'_j / scale_j`.
    func store(_ workspace: BatchedGLMWorkspace, first: Int, count: Int, scales: [Double]) {
        let p = coefficientCount
        for column in 0..<count {
            let s = first + column
            for j in 0..<p {
                coefficients[s * p + j] = workspace.coefficients[column * p + j] / scales[j]
                standardErrors?[s * p + j] = workspace.variances[column * p + j].squareRoot() / scales[j]
            }
            deviance[s] = workspace.deviance[column]
            iterations[s] = workspace.iterations[column]
            status[s] = workspace.status[column]
            theta?[s] = workspace.theta[column]
        }
    }

    /// The finished result.
    func result() -> BatchedGLM.Result {
        let p = coefficientCount
        return BatchedGLM.Result(
            coefficients: Matrix(rows: p, columns: seriesCount, columnMajor: Array(coefficients)),
            standardErrors: standardErrors.map { Matrix(rows: p, columns: seriesCount, columnMajor: Array($0)) },
            deviance: Array(deviance), iterations: Array(iterations), status: Array(status), theta: theta.map { Array($0) })
    }
}

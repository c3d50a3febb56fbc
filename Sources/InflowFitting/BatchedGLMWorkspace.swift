import InflowLinearAlgebra

/// One thread's buffers for fitting chunks of a ``BatchedGLM``, allocated once and reused chunk after
/// chunk: linear predictors, weights and weighted working responses (n x width each), current and next
/// coefficients and variances (p x width), and per-series deviance, counters, status, `theta` and flags.
final class BatchedGLMWorkspace {
    let observations: Int
    let coefficientCount: Int
    let width: Int
    let linearPredictors: UnsafeMutablePointer<Double>
    let weights: UnsafeMutablePointer<Double>
    let weightedWorking: UnsafeMutablePointer<Double>
    let coefficients: UnsafeMutablePointer<Double>
    let next: UnsafeMutablePointer<Double>
    let variances: UnsafeMutablePointer<Double>
    let deviance: UnsafeMutablePointer<Double>
    let theta: UnsafeMutablePointer<Double>
    /// Per series `sum_i (y_i log y_i - y_i)`, the part of the Poisson deviance that does not depend on the fit.
    let responseEntropy: UnsafeMutablePointer<Double>
    /// n scratch values (one series' means while its `theta` is estimated).
    let scratch: UnsafeMutablePointer<Double>
    let iterations: UnsafeMutablePointer<Int>
    let status: UnsafeMutablePointer<IRLS.Status>
    let active: UnsafeMutablePointer<Bool>
    let solved: UnsafeMutablePointer<Bool>
    /// Whether the series has accepted coefficients to halve a step towards.
    let hasPrevious: UnsafeMutablePointer<Bool>
    var normalEquations: BatchedNormalEquations.Workspace
    private let doubles: UnsafeMutableBufferPointer<Double>
    private let flags: UnsafeMutableBufferPointer<Bool>

    init(observations n: Int, coefficients p: Int, width: Int, equations: BatchedNormalEquations) {
        observations = n
        coefficientCount = p
        self.width = width
        let sizes = [n * width, n * width, n * width, p * width, p * width, p * width, width, width, width, n]
        doubles = .allocate(capacity: sizes.reduce(0, +))
        doubles.initialize(repeating: 0)
        var offsets = [0]
        for size in sizes { offsets.append(offsets.last! + size) }
        let base = doubles.baseAddress!
        linearPredictors = base + offsets[0]
        weights = base + offsets[1]
        weightedWorking = base + offsets[2]
        coefficients = base + offsets[3]
        next = base + offsets[4]
        variances = base + offsets[5]
        deviance = base + offsets[6]
        theta = base + offsets[7]
        responseEntropy = base + offsets[8]
        scratch = base + offsets[9]
        flags = .allocate(capacity: 3 * width)
        flags.initialize(repeating: false)
        active = flags.baseAddress!
        solved = flags.baseAddress! + width
        hasPrevious = flags.baseAddress! + 2 * width
        iterations = .allocate(capacity: width)
        iterations.initialize(repeating: 0, count: width)
        status = .allocate(capacity: width)
        status.initialize(repeating: .maximumIterations, count: width)
        normalEquations = BatchedNormalEquations.Workspace(capacity: width, equations: equations)
    }

    deinit {
        doubles.deallocate()
        flags.deallocate()
        iterations.deallocate()
        status.deinitialize(count: width)
        status.deallocate()
    }
}

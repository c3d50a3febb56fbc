import InflowLinearAlgebra

/// The buffer plumbing shared by families whose batched methods are `CInflowKernels` vector kernels
/// (logistic, Richards): each method passes a closure that calls its kernel with the family's parameters.
enum CurveKernel {
    /// A curve kernel: times, count, values out, and gradient rows out (8 doubles per time; nil for none).
    typealias Evaluation = (UnsafePointer<Double>?, Int, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?) -> Void
    /// A Hessian-contraction kernel: times, weights, count, and the 8 x 8 column-major result.
    typealias Contraction = (UnsafePointer<Double>?, UnsafePointer<Double>?, Int, UnsafeMutablePointer<Double>?) -> Void

    /// `C(t)` at every time, written into `values`.
    @inline(__always)
    static func values(at times: [Double], into values: inout [Double], _ kernel: Evaluation) {
        precondition(values.count >= times.count, "values must hold one value per time")
        times.withUnsafeBufferPointer { t in
            values.withUnsafeMutableBufferPointer { v in kernel(t.baseAddress, t.count, v.baseAddress, nil) }
        }
    }

    /// `C(t)` and its gradient at every time.
    @inline(__always)
    static func valuesAndGradients(at times: [Double], values: inout [Double], gradients: inout [SIMD8<Double>],
                                   _ kernel: Evaluation) {
        precondition(values.count >= times.count && gradients.count >= times.count,
                     "values and gradients must hold one entry per time")
        times.withUnsafeBufferPointer { t in
            values.withUnsafeMutableBufferPointer { v in
                gradients.withUnsafeMutableBufferPointer { g in
                    g.withMemoryRebound(to: Double.self) { rows in kernel(t.baseAddress, t.count, v.baseAddress, rows.baseAddress) }
                }
            }
        }
    }

    /// `sum_t w_t d2C(t)/dtheta dtheta^T` as a ``SmallMatrix`` of the family's order.
    @inline(__always)
    static func hessianContraction(at times: [Double], weights: [Double], order: Int, _ kernel: Contraction) -> SmallMatrix {
        precondition(weights.count == times.count, "one weight per time")
        var hessian = SmallMatrix(order: order)
        withUnsafeMutableBytes(of: &hessian.columns) { columns in
            kernel(times, weights, times.count, columns.baseAddress!.assumingMemoryBound(to: Double.self))
        }
        return hessian
    }
}

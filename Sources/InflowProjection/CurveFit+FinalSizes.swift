import InflowModels

extension CurveFit {
    /// ``/InflowModels/CurveFit/finalSize(level:)`` of every fit in `fits`, in their order, on `threads` threads.
    ///
    /// Each fit's profile-likelihood interval takes about 30-60 refits (a few milliseconds on nine days), and the
    /// fits are independent, so a table of models computes them side by side. Each estimate is the same bits
    /// whatever the thread count: a fit's refits run on one thread, in the order they do alone.
    /// - Complexity: the fits' profile refits, shared out over the threads.
    public static func finalSizes(of fits: [CurveFit], level: Double = 0.95, threads: Int = 1) -> [Estimate] {
        ParallelReplicates.map(count: fits.count, threads: threads, workspace: { () }) { index, _ in
            fits[index].finalSize(level: level)
        }
    }
}

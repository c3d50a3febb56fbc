import Foundation

/// A product-Gaussian kernel density estimate in one or two dimensions, computed on a grid: the sample is
/// linearly binned onto the grid's nodes, the bin counts are convolved with the kernel one axis at a time,
/// and the estimate at a point is read off by (bi)linear interpolation.
///
/// `f(x) ~ sum_i prod_j exp(-(x_j - X_ij)^2 / (2 h_j^2))` (unnormalised, as the weights that use it are
/// normalised), with the grid spacing at most ``spacingPerBandwidth`` of each bandwidth and the kernel cut at
/// ``kernelReach`` bandwidths (no mass reaches further). Linear binning keeps the approximation error of order `(delta / h)^2`, about
/// 1% at a quarter bandwidth (Wand 1994).
///
/// - Complexity: O(n + G1 G2 (L1 + L2) + m) for `n` sample points, a `G1 x G2` grid, kernels of `L_j` cells
///   and `m` evaluation points, against O(n m) for the direct sum.
/// - Reference: M. P. Wand, "Fast computation of multivariate kernel estimators", *Journal of Computational
///   and Graphical Statistics* 3 (1994); Fan & Marron, *JCGS* 3 (1994).
struct BinnedDensity {
    /// Grid spacing as a share of the bandwidth.
    static let spacingPerBandwidth = 0.25
    /// Kernel weights beyond this many bandwidths are zero.
    static let kernelReach = 6.0
    /// Most grid nodes along one axis; a wider spread than this allows at ``spacingPerBandwidth`` makes
    /// ``init(sample:bandwidths:covering:)`` fail (the caller then sums directly).
    static let maximumNodes = 2_048
    /// Most grid nodes in all.
    static let maximumGrid = 1 << 20

    let lower: [Double]
    let spacing: [Double]
    let counts: [Int]
    /// The smoothed grid, axis 0 fastest.
    let values: [Double]

    /// The estimate from `sample` (points of one or two features) with `bandwidths`, on a grid covering the
    /// sample and the points of `covering`; `nil` for more than two features or a grid that would be too large.
    init?(sample: [[Double]], bandwidths: [Double], covering: [[Double]]) {
        let dimension = bandwidths.count
        guard (1...2).contains(dimension), !sample.isEmpty else { return nil }
        var lower = [Double](repeating: .infinity, count: dimension)
        var upper = [Double](repeating: -.infinity, count: dimension)
        for point in sample + covering {
            for j in 0..<dimension {
                lower[j] = min(lower[j], point[j])
                upper[j] = max(upper[j], point[j])
            }
        }
        var spacing = [Double](repeating: 0, count: dimension)
        var counts = [Int](repeating: 0, count: dimension)
        for j in 0..<dimension {
            guard lower[j].isFinite, upper[j].isFinite, bandwidths[j] > 0 else { return nil }
            lower[j] -= bandwidths[j]
            upper[j] += bandwidths[j]
            let step = bandwidths[j] * Self.spacingPerBandwidth
            let nodes = Int(((upper[j] - lower[j]) / step).rounded(.up)) + 1
            guard nodes <= Self.maximumNodes else { return nil }
            counts[j] = max(nodes, 2)
            spacing[j] = (upper[j] - lower[j]) / Double(counts[j] - 1)
        }
        let n0 = counts[0], n1 = dimension == 2 ? counts[1] : 1
        guard n0 * n1 <= Self.maximumGrid else { return nil }
        // Linear binning.
        var grid = [Double](repeating: 0, count: n0 * n1)
        for point in sample {
            let u = (point[0] - lower[0]) / spacing[0]
            let i = min(max(Int(u.rounded(.down)), 0), n0 - 2)
            let a = u - Double(i)
            if dimension == 1 {
                grid[i] += 1 - a
                grid[i + 1] += a
            } else {
                let v = (point[1] - lower[1]) / spacing[1]
                let k = min(max(Int(v.rounded(.down)), 0), n1 - 2)
                let c = v - Double(k)
                grid[k * n0 + i] += (1 - a) * (1 - c)
                grid[k * n0 + i + 1] += a * (1 - c)
                grid[(k + 1) * n0 + i] += (1 - a) * c
                grid[(k + 1) * n0 + i + 1] += a * c
            }
        }
        // Separable convolution with the Gaussian kernel, axis by axis.
        // Cut two nodes short of the reach, so that binning and interpolation (one node each) never carry
        // mass beyond ``kernelReach`` bandwidths, as the direct sum does not.
        func kernel(_ j: Int) -> [Double] {
            let reach = max(Int((Self.kernelReach * bandwidths[j] / spacing[j]).rounded(.down)) - 2, 1)
            return (-reach...reach).map { offset in
                let z = Double(offset) * spacing[j] / bandwidths[j]
                return exp(-z * z / 2)
            }
        }
        let k0 = kernel(0)
        let reach0 = k0.count / 2
        var smoothed = [Double](repeating: 0, count: n0 * n1)
        for row in 0..<n1 {
            let base = row * n0
            for i in 0..<n0 where grid[base + i] != 0 {
                let mass = grid[base + i]
                for offset in max(-reach0, -i)...min(reach0, n0 - 1 - i) {
                    smoothed[base + i + offset] += mass * k0[offset + reach0]
                }
            }
        }
        if dimension == 2 {
            let k1 = kernel(1)
            let reach1 = k1.count / 2
            var second = [Double](repeating: 0, count: n0 * n1)
            for row in 0..<n1 {
                for offset in max(-reach1, -row)...min(reach1, n1 - 1 - row) {
                    let weight = k1[offset + reach1]
                    let source = row * n0, target = (row + offset) * n0
                    for i in 0..<n0 { second[target + i] += weight * smoothed[source + i] }
                }
            }
            smoothed = second
        }
        self.lower = lower
        self.spacing = spacing
        self.counts = counts
        self.values = smoothed
    }

    /// The estimate at `point`, interpolated between the grid's nodes (zero outside the grid).
    func density(at point: [Double]) -> Double {
        let n0 = counts[0]
        let u = (point[0] - lower[0]) / spacing[0]
        guard u >= 0, u <= Double(n0 - 1) else { return 0 }
        let i = min(Int(u.rounded(.down)), n0 - 2)
        let a = u - Double(i)
        if counts.count == 1 { return (1 - a) * values[i] + a * values[i + 1] }
        let n1 = counts[1]
        let v = (point[1] - lower[1]) / spacing[1]
        guard v >= 0, v <= Double(n1 - 1) else { return 0 }
        let k = min(Int(v.rounded(.down)), n1 - 2)
        let c = v - Double(k)
        return (1 - a) * (1 - c) * values[k * n0 + i] + a * (1 - c) * values[k * n0 + i + 1]
            + (1 - a) * c * values[(k + 1) * n0 + i] + a * c * values[(k + 1) * n0 + i + 1]
    }
}

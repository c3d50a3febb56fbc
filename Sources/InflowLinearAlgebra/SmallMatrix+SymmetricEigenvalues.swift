import Foundation

extension SmallMatrix {
    /// The eigenvalues of this symmetric matrix (its lower triangle is read), in ascending order in the
    /// first ``order`` lanes (the others zero), without LAPACK.
    ///
    /// Cyclic Jacobi: sweeps of plane rotations `A <- J^T A J`, each zeroing one off-diagonal pair
    /// `(p, q)` with `t = tan(phi)` the smaller root of `t^2 + 2 zeta t - 1 = 0`,
    /// `zeta = (a_qq - a_pp) / (2 a_pq)`, `c = 1 / sqrt(1 + t^2)`, `s = t c`, and the diagonal updated as
    /// `a_pp -= t a_pq`, `a_qq += t a_pq` (Rutishauser's form, which keeps the rounding of the diagonal
    /// small). Sweeps stop once a whole sweep finds every off-diagonal element negligible next to its
    /// diagonal elements (`|a_pq| <= eps/2 sqrt(|a_pp a_qq|)`, or zero), or after 50 sweeps; the
    /// convergence is quadratic, a handful of sweeps at order 8. The eigenvalues then carry an absolute
    /// error of a few `eps ||A||` (better, relative to themselves, for scaled diagonally dominant
    /// matrices, as an information matrix scaled to unit diagonal is).
    ///
    /// - Complexity: about `4 p^3` flops per sweep, `O(p^3)` in all; no allocation. For the curve fits'
    ///   identifiability test this replaces a LAPACK `dsyevd` call (workspace queries and heap buffers),
    ///   which costs several microseconds at these orders.
    /// - Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., section 8.5 (Algorithms 8.5.1,
    ///   8.5.3); H. Rutishauser, "The Jacobi method for real symmetric matrices", *Numerische
    ///   Mathematik* 9 (1966).
    public func symmetricEigenvalues() -> SIMD8<Double> {
        let n = order
        var a = self
        var result = SIMD8<Double>.zero
        withUnsafeMutableBytes(of: &a.columns) { bytes in
            let m = bytes.baseAddress!.assumingMemoryBound(to: Double.self)   // (i, j) at i + 8 j
            // Symmetric storage from the lower triangle, and the Frobenius norm for the absolute floor.
            var frobenius = 0.0
            for j in 0..<n {
                for i in j..<n {
                    let value = m[i &+ 8 &* j]
                    m[j &+ 8 &* i] = value
                    frobenius += (i == j ? 1 : 2) * value * value
                }
            }
            let floor = Double.ulpOfOne * frobenius.squareRoot()
            for _ in 0..<50 {
                var rotated = false
                for p in 0..<n {
                    for q in (p &+ 1)..<n {
                        let apq = m[p &+ 8 &* q]
                        let app = m[p &* 9], aqq = m[q &* 9]
                        // Negligible next to its diagonal elements (then it changes no eigenvalue beyond
                        // rounding), or next to the whole matrix (Weyl: it moves none by more than eps ||A||).
                        if abs(apq) <= max(0.5 * Double.ulpOfOne * (abs(app) * abs(aqq)).squareRoot(), floor) {
                            m[p &+ 8 &* q] = 0
                            m[q &+ 8 &* p] = 0
                            continue
                        }
                        rotated = true
                        let zeta = (aqq - app) / (2 * apq)
                        // The root of smaller magnitude, without overflow for large zeta.
                        let t = abs(zeta) > 1e150 ? 1 / (2 * zeta)
                            : (zeta >= 0 ? 1 : -1) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                        let c = 1 / (1 + t * t).squareRoot()
                        let s = t * c
                        m[p &* 9] = app - t * apq
                        m[q &* 9] = aqq + t * apq
                        m[p &+ 8 &* q] = 0
                        m[q &+ 8 &* p] = 0
                        for k in 0..<n where k != p && k != q {
                            let akp = m[k &+ 8 &* p], akq = m[k &+ 8 &* q]
                            let newKP = c * akp - s * akq
                            let newKQ = s * akp + c * akq
                            m[k &+ 8 &* p] = newKP
                            m[p &+ 8 &* k] = newKP
                            m[k &+ 8 &* q] = newKQ
                            m[q &+ 8 &* k] = newKQ
                        }
                    }
                }
                if !rotated { break }
            }
            // The diagonal, sorted by insertion (n <= 8).
            withUnsafeMutableBytes(of: &result) { out in
                let values = out.baseAddress!.assumingMemoryBound(to: Double.self)
                for j in 0..<n {
                    let value = m[j &* 9]
                    var i = j
                    while i > 0 && values[i &- 1] > value {
                        values[i] = values[i &- 1]
                        i &-= 1
                    }
                    values[i] = value
                }
            }
        }
        return result
    }
}

import RealModule

/// Draws from Binomial(n, p): inversion when `n min(p, 1−p) < 30`, Hörmann's BTRD otherwise.
///
/// Both work with `p ≤ ½` and return `n − X` for the complementary problem.
/// Inversion walks the pmf from `q^n` with `p_{k+1} = p_k (n−k)/(k+1) · p/q`: O(1 + np) per draw.
/// BTRD (transformed rejection with decomposition) uses, with `σ = √(npq)`, `b = 1.15 + 2.53σ`,
/// `a = −0.0873 + 0.0248 b + 0.01 p`, `c = np + ½`, `α = (2.83 + 5.1/b)σ`, `v_r = 0.92 − 4.2/b`:
/// a fast acceptance region `V ≤ 0.86 v_r` taking about 80% of draws with one uniform; otherwise the hat
/// `(2a/u_s + b)U + c`, the exact ratio `f(k)/f(m)` by recursion when `|k − m| ≤ 15`, Hörmann's squeeze
/// beyond, and finally the exact test `log V ≤ log f(k) − log f(m)` by the saddle-point kernel
/// (the same quantity as the paper's Stirling-series step). Expected O(1) per draw.
///
/// - Reference: W. Hörmann, "The generation of binomial random variates", Journal of Statistical
///   Computation and Simulation 46(1–2), 101–110, 1993.
@usableFromInline
struct BinomialSampler: Sendable, Hashable {
    @usableFromInline let n: Int
    /// min(p, 1 − p).
    @usableFromInline let p: Double
    /// 1 − (that p).
    @usableFromInline let q: Double
    @usableFromInline let flipped: Bool
    @usableFromInline let useInversion: Bool
    // Inversion
    @usableFromInline let probabilityOfZero: Double
    @usableFromInline let ratio: Double
    // BTRD
    @usableFromInline let mode: Int
    @usableFromInline let nr: Double
    @usableFromInline let npq: Double
    @usableFromInline let b: Double
    @usableFromInline let a: Double
    @usableFromInline let c: Double
    @usableFromInline let alpha: Double
    @usableFromInline let vr: Double
    @usableFromInline let urvr: Double
    @usableFromInline let logProbabilityAtMode: Double

    @usableFromInline static let inversionLimit = 30.0

    /// - Precondition: `n ≥ 0`, `0 ≤ probability ≤ 1`.
    @inlinable
    init(count n: Int, probability: Double, complement: Double) {
        self.n = n
        flipped = probability > 0.5
        let p = flipped ? complement : probability
        let q = flipped ? probability : complement
        self.p = p
        self.q = q
        let np = Double(n) * p
        useInversion = np < Self.inversionLimit
        probabilityOfZero = Double.exp(Double(n) * Double.log(onePlus: -p))
        ratio = p / q
        mode = Int((Double(n + 1) * p).rounded(.down))
        nr = Double(n + 1) * ratio
        npq = np * q
        let sigma = npq.squareRoot()
        let b = 1.15 + 2.53 * sigma
        self.b = b
        a = -0.0873 + 0.0248 * b + 0.01 * p
        c = np + 0.5
        alpha = (2.83 + 5.1 / b) * sigma
        vr = 0.92 - 4.2 / b
        urvr = 0.86 * vr
        logProbabilityAtMode = useInversion ? 0 : SpecialFunctions.logBinomialProbability(
            successes: Double(mode), failures: Double(n - mode), probability: p, complement: q)
    }

    @inlinable
    func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        if n == 0 || p == 0 { return flipped ? n : 0 }
        let k = useInversion ? sampleByInversion(using: &generator) : sampleByBTRD(using: &generator)
        return flipped ? n - k : k
    }

    @inlinable
    func sampleByInversion<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        while true {
            let u = generator.nextUniform()
            var k = 0
            var term = probabilityOfZero
            var cumulative = term
            while u > cumulative && k < n {
                term *= ratio * Double(n - k) / Double(k + 1)
                k += 1
                cumulative += term
            }
            // u above the rounded total (probability ~1e-16): draw again rather than return n.
            if u <= cumulative { return k }
        }
    }

    @inlinable
    func sampleByBTRD<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        let limit = Double(n)
        while true {
            var v = generator.nextUniformOpen()
            var u: Double
            if v <= urvr {
                u = v / vr - 0.43
                let k = ((2 * a / (0.5 - Swift.abs(u)) + b) * u + c).rounded(.down)
                if k >= 0 && k <= limit { return Int(k) }
                continue
            }
            if v >= vr {
                u = generator.nextUniform() - 0.5
            } else {
                u = v / vr - 0.93
                u = (u < 0 ? -0.5 : 0.5) - u
                v = generator.nextUniformOpen() * vr
            }
            let us = 0.5 - Swift.abs(u)
            let kReal = ((2 * a / us + b) * u + c).rounded(.down)
            if !(kReal >= 0 && kReal <= limit) { continue }
            let k = Int(kReal)
            v = v * alpha / (a / (us * us) + b)
            let km = Swift.abs(k - mode)
            if km <= 15 {
                var f = 1.0
                if mode < k {
                    for i in (mode + 1)...k {
                        f *= nr / Double(i) - ratio
                    }
                } else if mode > k {
                    for i in (k + 1)...mode {
                        v *= nr / Double(i) - ratio
                    }
                }
                if v <= f { return k }
                continue
            }
            let logV = Double.log(v)
            let distance = Double(km)
            let rho = (distance / npq) * (((distance / 3 + 0.625) * distance + 1.0 / 6) / npq + 0.5)
            let t = -distance * distance / (2 * npq)
            if logV < t - rho { return k }
            if logV > t + rho { continue }
            let logRatio = SpecialFunctions.logBinomialProbability(
                successes: kReal, failures: limit - kReal, probability: p, complement: q) - logProbabilityAtMode
            if logV <= logRatio { return k }
        }
    }
}

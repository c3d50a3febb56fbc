/// Error-free transformations and a compensated dot product ("Dot2").
///
/// `twoSum(a, b)` returns `s = fl(a + b)` and the exact rounding error `e` with
/// `a + b = s + e`; `twoProduct(a, b)` does the same for `a * b` with one fused
/// multiply-add. Accumulating with them gives results as accurate as if computed in
/// twice the working precision and then rounded, at about 4x the flops of a plain sum.
///
/// Reference: Ogita, Rump & Oishi, "Accurate sum and dot product", SIAM J. Sci.
/// Comput. 26 (2005), Algorithms 3.1, 3.2 and 5.3 (Dot2).
@usableFromInline
struct CompensatedSum {
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0

    @inlinable init() {}

    /// Adds `value` exactly (its rounding error goes into the compensation).
    @inlinable mutating func add(_ value: Double) {
        let s = sum + value
        let bVirtual = s - sum
        compensation += (sum - (s - bVirtual)) + (value - bVirtual)
        sum = s
    }

    /// Adds `a * b` with the product's rounding error kept.
    @inlinable mutating func addProduct(_ a: Double, _ b: Double) {
        let product = a * b
        let productError = (-product).addingProduct(a, b)
        add(product)
        compensation += productError
    }

    /// The compensated total.
    @inlinable var value: Double { sum + compensation }
}

/// A square matrix of order at most 8 held in registers-sized storage, with no heap allocation.
///
/// Columns are `SIMD8<Double>` values; lanes at and beyond ``order`` are zero. Small
/// per-series problems (curve fits have p <= 8 parameters) use this type instead of
/// ``Matrix`` so that forming and solving their normal equations costs tens of
/// nanoseconds rather than the microsecond overhead of a LAPACK call.
public struct SmallMatrix: Sendable, Equatable {
    /// The largest supported order.
    public static let maximumOrder = 8

    /// Order `p` (number of rows and columns in use).
    public let order: Int
    /// Column `j` (lanes `>= order` are zero).
    public var columns: (SIMD8<Double>, SIMD8<Double>, SIMD8<Double>, SIMD8<Double>,
                         SIMD8<Double>, SIMD8<Double>, SIMD8<Double>, SIMD8<Double>)

    /// The zero matrix of the given order.
    @inlinable
    public init(order: Int) {
        precondition(order >= 0 && order <= Self.maximumOrder, "SmallMatrix supports orders 0...8, got \(order)")
        self.order = order
        columns = (.zero, .zero, .zero, .zero, .zero, .zero, .zero, .zero)
    }

    /// Copies a square ``Matrix`` of order at most 8.
    public init(_ matrix: Matrix) {
        precondition(matrix.isSquare, "SmallMatrix needs a square matrix")
        self.init(order: matrix.rows)
        for j in 0..<order {
            for i in 0..<order { self[i, j] = matrix[i, j] }
        }
    }

    /// Column `j`.
    @inlinable
    public subscript(column j: Int) -> SIMD8<Double> {
        get {
            switch j {
            case 0: columns.0
            case 1: columns.1
            case 2: columns.2
            case 3: columns.3
            case 4: columns.4
            case 5: columns.5
            case 6: columns.6
            default: columns.7
            }
        }
        set {
            switch j {
            case 0: columns.0 = newValue
            case 1: columns.1 = newValue
            case 2: columns.2 = newValue
            case 3: columns.3 = newValue
            case 4: columns.4 = newValue
            case 5: columns.5 = newValue
            case 6: columns.6 = newValue
            default: columns.7 = newValue
            }
        }
    }

    /// Element `(i, j)`.
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { self[column: j][i] }
        set { self[column: j][i] = newValue }
    }

    /// Adds `weight * v v^T` (a rank-one update, the building block of `J^T W J`).
    /// - Complexity: `order` SIMD multiply-adds.
    @inlinable
    public mutating func addOuterProduct(_ v: SIMD8<Double>, weight: Double = 1) {
        let wv = v * weight
        for j in 0..<order { self[column: j] += wv * v[j] }
    }

    /// `A x` for a vector whose lanes `>= order` are zero.
    @inlinable
    public func multiply(_ x: SIMD8<Double>) -> SIMD8<Double> {
        var result = SIMD8<Double>.zero
        for j in 0..<order { result += self[column: j] * x[j] }
        return result
    }

    /// The diagonal, lanes `>= order` zero.
    @inlinable
    public var diagonal: SIMD8<Double> {
        // The 8 columns are 64 contiguous doubles: element (j, j) at 9 j. One gather, then the lanes
        // past the order cleared (they are zero already, unless a caller wrote there).
        let d = withUnsafeBytes(of: columns) { bytes -> SIMD8<Double> in
            let m = bytes.baseAddress!.assumingMemoryBound(to: Double.self)
            return SIMD8(m[0], m[9], m[18], m[27], m[36], m[45], m[54], m[63])
        }
        return d.replacing(with: 0, where: SIMD8<Double>(0, 1, 2, 3, 4, 5, 6, 7) .>= SIMD8<Double>(repeating: Double(order)))
    }

    public static func == (lhs: SmallMatrix, rhs: SmallMatrix) -> Bool {
        guard lhs.order == rhs.order else { return false }
        for j in 0..<lhs.order where lhs[column: j] != rhs[column: j] { return false }
        return true
    }

    /// As a heap-allocated ``Matrix``.
    public var matrix: Matrix {
        var m = Matrix(rows: order, columns: order)
        for j in 0..<order {
            for i in 0..<order { m[i, j] = self[i, j] }
        }
        return m
    }
}

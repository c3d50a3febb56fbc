/// A rectangular block of a ``Matrix`` that shares the matrix's storage.
///
/// A view holds a copy of the base matrix value, so it stays valid however the
/// original variable is later mutated (copy-on-write keeps the two apart). Its
/// storage are strided: element `(i, j)` of the view is at offset
/// `(rowRange.lowerBound + i) + (columnRange.lowerBound + j) * leadingDimension`
/// of the base storage, which is how BLAS addresses a sub-matrix.
public struct MatrixView: Sendable {
    /// The matrix the view looks into.
    public let base: Matrix
    /// Rows of `base` in the view.
    public let rowRange: Range<Int>
    /// Columns of `base` in the view.
    public let columnRange: Range<Int>

    init(base: Matrix, rowRange: Range<Int>, columnRange: Range<Int>) {
        precondition(rowRange.lowerBound >= 0 && rowRange.upperBound <= base.rows, "View rows out of range")
        precondition(columnRange.lowerBound >= 0 && columnRange.upperBound <= base.columns, "View columns out of range")
        self.base = base
        self.rowRange = rowRange
        self.columnRange = columnRange
    }

    /// Number of rows in the view.
    public var rows: Int { rowRange.count }
    /// Number of columns in the view.
    public var columns: Int { columnRange.count }
    /// Distance between consecutive columns in the base storage.
    public var leadingDimension: Int { Swift.max(base.rows, 1) }
    /// Offset of the view's first element in the base storage.
    var offset: Int { rowRange.lowerBound + columnRange.lowerBound * base.rows }

    /// The element in row `row` and column `column` of the view.
    public subscript(row: Int, column: Int) -> Double {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "View index out of range")
        return base.storage[offset + row + column * base.rows]
    }

    /// The view's storage copied into a new contiguous matrix.
    public func copy() -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        for j in 0..<columns {
            for i in 0..<rows { result.storage[i + j * rows] = self[i, j] }
        }
        return result
    }

    /// Calls `body` with a pointer to the view's first element; step between
    /// columns is ``leadingDimension``.
    func withUnsafePointer<R>(_ body: (UnsafePointer<Double>) throws -> R) rethrows -> R {
        try base.storage.withUnsafeBufferPointer { try body($0.baseAddress! + offset) }
    }
}

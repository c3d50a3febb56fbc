/// A dense matrix of `Double` in column-major order with value semantics.
///
/// Storage is one contiguous array of `rows * columns` elements; element `(i, j)`
/// lives at offset `i + j * rows`, the layout BLAS and LAPACK expect with a leading
/// dimension equal to `rows`. Copies share storage until one of them is mutated
/// (copy-on-write, inherited from `Array`).
///
/// ```swift
/// var x = Matrix(rows: 3, columns: 2, columnMajor: [1, 1, 1, 0, 1, 2])
/// x[2, 1] = 4
/// let gram = x.transposed() * x   // 2 x 2, through dgemm
/// ```
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Elements in column-major order (`rows * columns` of them).
    @usableFromInline
    internal var storage: [Double]

    /// Elements in column-major order (`rows * columns` of them).
    public var elements: [Double] { storage }

    /// A `rows` x `columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over the given column-major elements.
    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(elements.count == rows * columns,
                     "Matrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.storage = elements
    }

    /// A matrix from its rows, each an array of the same length.
    public init(rowMajor rowArrays: [[Double]]) {
        let rowCount = rowArrays.count
        let columnCount = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columnCount }, "All rows must have the same length")
        var elements = [Double](repeating: 0, count: rowCount * columnCount)
        for i in 0..<rowCount {
            for j in 0..<columnCount { elements[i + j * rowCount] = rowArrays[i][j] }
        }
        self.init(rows: rowCount, columns: columnCount, columnMajor: elements)
    }

    /// A matrix whose columns are the given arrays, each of the same length.
    public init(columns columnArrays: [[Double]]) {
        let rowCount = columnArrays.first?.count ?? 0
        precondition(columnArrays.allSatisfy { $0.count == rowCount }, "All columns must have the same length")
        self.init(rows: rowCount, columns: columnArrays.count, columnMajor: columnArrays.flatMap { $0 })
    }

    /// The `n` x `n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result.storage[i + i * n] = 1 }
        return result
    }

    /// The element in row `row` and column `column` (zero based).
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            return storage[row + column * rows]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            storage[row + column * rows] = newValue
        }
    }

    /// Column `j` as a contiguous slice of the storage (no copy).
    @inlinable
    public func column(_ j: Int) -> ArraySlice<Double> {
        precondition(j >= 0 && j < columns, "Column index out of range")
        return storage[(j * rows)..<((j + 1) * rows)]
    }

    /// Replaces column `j` with `values`.
    public mutating func setColumn(_ j: Int, to values: some Collection<Double>) {
        precondition(j >= 0 && j < columns, "Column index out of range")
        precondition(values.count == rows, "A column needs \(rows) values, got \(values.count)")
        var offset = j * rows
        for value in values {
            storage[offset] = value
            offset += 1
        }
    }

    /// Row `i` as a new array (rows are strided in column-major storage).
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "Row index out of range")
        return (0..<columns).map { storage[i + $0 * rows] }
    }

    /// The rows as arrays, mainly for printing and tests.
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// The transpose, as a new matrix. O(rows * columns).
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { result.storage[j + i * columns] = storage[i + j * rows] }
        }
        return result
    }

    /// The diagonal elements.
    public var diagonal: [Double] {
        (0..<Swift.min(rows, columns)).map { storage[$0 + $0 * rows] }
    }

    /// Whether the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }

    /// A view of the block `rowRange` x `columnRange`; it shares this matrix's storage.
    public func view(rows rowRange: Range<Int>, columns columnRange: Range<Int>) -> MatrixView {
        MatrixView(base: self, rowRange: rowRange, columnRange: columnRange)
    }

    /// Calls `body` with a pointer to the column-major storage.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with a mutable pointer to the column-major storage.
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Double>) throws -> R
    ) rethrows -> R {
        try storage.withUnsafeMutableBufferPointer(body)
    }
}

/// Whether a BLAS operand is used as stored or transposed.
public enum Transpose: Sendable {
    /// Use the matrix as stored: op(A) = A.
    case none
    /// Use the transpose: op(A) = A^T.
    case transpose
}

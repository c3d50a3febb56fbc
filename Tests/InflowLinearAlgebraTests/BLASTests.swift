import Testing
@testable import InflowLinearAlgebra

@Suite("BLAS wrappers against closed forms")
struct BLASTests {
    @Test func gemmMatchesHandComputedProduct() {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        let b = Matrix(rowMajor: [[7, 8], [9, 10], [11, 12]])
        #expect((a * b).rowArrays == [[58, 64], [139, 154]])
        var c = Matrix(rows: 3, columns: 3, repeating: 1)
        BLAS.gemm(.transpose, a, .none, a, alpha: 2, beta: -1, into: &c)
        // A^T A = [[17,22,27],[22,29,36],[27,36,45]]
        #expect(c.rowArrays == [[33, 43, 53], [43, 57, 71], [53, 71, 89]])
    }

    @Test func gemmOnViewsUsesTheBlock() {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let block = a.view(rows: 1..<3, columns: 1..<3)   // [[5,6],[8,9]]
        let identity = Matrix.identity(2)
        var c = Matrix(rows: 2, columns: 2)
        BLAS.gemm(.none, block, .none, identity.view(rows: 0..<2, columns: 0..<2), into: &c)
        #expect(c.rowArrays == [[5, 6], [8, 9]])
        #expect(block.copy().rowArrays == [[5, 6], [8, 9]])
    }

    @Test func gemvSyrkTrsmDotAxpyNrm2() {
        let a = Matrix(rowMajor: [[2, 0], [1, 3]])
        let product: [Double] = a * [1.0, 1.0]
        #expect(product == [2, 4])
        var y = [1.0, 1.0]
        BLAS.gemv(.transpose, a, [1, 1], alpha: 1, beta: 2, into: &y)
        #expect(y == [5, 5])

        var gram = Matrix(rows: 2, columns: 2)
        BLAS.syrkTransposed(a, into: &gram)
        #expect(gram.rowArrays == [[5, 3], [3, 9]])

        var rhs = Matrix(rows: 2, columns: 1, columnMajor: [4, 11])
        BLAS.trsm(a, upper: false, solving: &rhs)   // lower-triangular [[2,0],[1,3]] x = [4, 11]
        #expect(rhs.elements == [2, 3])

        #expect(BLAS.dot([1, 2, 3], [4, 5, 6]) == 32)
        var z = [1.0, 1.0]
        BLAS.axpy(2, [3, 4], &z)
        #expect(z == [7, 9])
        #expect(BLAS.nrm2([3, 4]) == 5)
        #expect(BLAS.nrm2([1e300, 1e300]) == 1e300 * 2.0.squareRoot())  // no overflow
    }

    @Test func emptyDimensionsAreHarmless() {
        let empty = Matrix(rows: 0, columns: 3)
        let b = Matrix(rows: 3, columns: 2, repeating: 1)
        #expect((empty * b).rows == 0)
        var c = Matrix(rows: 2, columns: 2, repeating: 5)
        BLAS.gemm(.none, Matrix(rows: 2, columns: 0), .none, Matrix(rows: 0, columns: 2), into: &c)
        #expect(c.elements == [0, 0, 0, 0])
    }

    @Test func matrixHasValueSemantics() {
        var a = Matrix(rowMajor: [[1, 2], [3, 4]])
        let b = a
        a[0, 0] = 10
        #expect(b[0, 0] == 1)
        #expect(a.transposed().rowArrays == [[10, 3], [2, 4]])
        #expect(Matrix(columns: [[1, 3], [2, 4]]) == b)
    }
}

import Testing
@testable import InflowLinearAlgebra

@Suite("LAPACK factorisations against closed forms")
struct FactorizationTests {
    /// The Hilbert-like SPD matrix [[4, 2, 2], [2, 5, 3], [2, 3, 6]] with L known in closed form.
    let spd = Matrix(rowMajor: [[4, 2, 2], [2, 5, 3], [2, 3, 6]])

    @Test func choleskyFactorSolveInverse() throws {
        let chol = try CholeskyFactorization(spd)
        // L = [[2,0,0],[1,2,0],[1,1,2]]
        #expect(chol.lower.rowArrays == [[2, 0, 0], [1, 2, 0], [1, 1, 2]])
        let x = chol.solve([8, 10, 11])    // spd * [1, 1, 1] = [8, 10, 11]
        for value in x { #expect(abs(value - 1) < Tolerance.wellConditioned) }
        let product = spd * chol.inverse()
        for i in 0..<3 {
            for j in 0..<3 { #expect(abs(product[i, j] - (i == j ? 1 : 0)) < Tolerance.wellConditioned) }
        }
        #expect(abs(chol.logDeterminant - log(64)) < Tolerance.wellConditioned)
    }

    @Test func choleskyReportsTheFailingMinor() {
        let indefinite = Matrix(rowMajor: [[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 2)) { try CholeskyFactorization(indefinite) }
        let withNaN = Matrix(rowMajor: [[1, .nan], [.nan, 1]])
        #expect(throws: LinearAlgebraError.nonFiniteInput(routine: "dpotrf")) { try CholeskyFactorization(withNaN) }
    }

    @Test func svdOfAKnownMatrix() throws {
        // [[3, 0], [4, 5]] has singular values sqrt(45) and sqrt(5).
        let svd = try SingularValueDecomposition(Matrix(rowMajor: [[3, 0], [4, 5]]))
        #expect(abs(svd.singularValues[0] - 45.0.squareRoot()) < Tolerance.wellConditioned)
        #expect(abs(svd.singularValues[1] - 5.0.squareRoot()) < Tolerance.wellConditioned)
        #expect(abs(svd.conditionNumber - 3) < Tolerance.wellConditioned)
        // Reconstruct.
        var us = svd.u
        for j in 0..<2 { for i in 0..<2 { us[i, j] *= svd.singularValues[j] } }
        let back = us * svd.vTransposed
        #expect(abs(back[1, 0] - 4) < Tolerance.wellConditioned)
        #expect(svd.rank(relativeTolerance: 1e-12) == 2)
    }

    @Test func symmetricEigenvalues() throws {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        let eig = try SymmetricEigenDecomposition(Matrix(rowMajor: [[2, 1], [1, 2]]))
        #expect(abs(eig.eigenvalues[0] - 1) < Tolerance.wellConditioned)
        #expect(abs(eig.eigenvalues[1] - 3) < Tolerance.wellConditioned)
        let v = eig.eigenvectors
        #expect(abs(abs(v[0, 1]) - 0.5.squareRoot()) < Tolerance.wellConditioned)
    }

    @Test func pivotedQRRevealsRank() throws {
        // Third column = first + second.
        let x = Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3], [1, 2, 3, 4]])
        let qr = try PivotedQR(x)
        #expect(qr.rank == 2)
        #expect(Set(qr.permutation) == [0, 1, 2])
    }

    @Test func smallCholeskyAgreesWithLAPACK() throws {
        for p in 1...8 {
            // A = B^T B + p I, SPD and moderately conditioned.
            var b = Matrix(rows: p, columns: p)
            for j in 0..<p { for i in 0..<p { b[i, j] = sin(Double(3 * i + 7 * j + 1)) } }
            var a = Matrix(rows: p, columns: p)
            BLAS.gemm(.transpose, b, .none, b, into: &a)
            for i in 0..<p { a[i, i] += Double(p) }
            let rhs = (0..<p).map { Double($0) - 1.5 }
            let reference = try CholeskyFactorization(a).solve(rhs)
            let small = try SmallCholesky(SmallMatrix(a))
            var v = SIMD8<Double>.zero
            for i in 0..<p { v[i] = rhs[i] }
            let x = small.solve(v)
            for i in 0..<p { #expect(abs(x[i] - reference[i]) < Tolerance.wellConditioned * max(1, abs(reference[i]))) }
            for i in p..<8 { #expect(x[i] == 0) }
            #expect(abs(small.logDeterminant - (try CholeskyFactorization(a)).logDeterminant) < Tolerance.wellConditioned * 10)
            let inverse = small.inverse().matrix
            let identity = a * inverse
            for i in 0..<p { for j in 0..<p { #expect(abs(identity[i, j] - (i == j ? 1 : 0)) < 1e-10) } }
        }
    }

    /// The one-pass solve and the positive-definiteness test are the factorisation and substitutions of
    /// `init` and `solve`, operation for operation: the same bits, and `nil`/`false` exactly where `init` throws.
    @Test func oneShotSolveIsTheFactorAndSolveBitForBit() throws {
        for p in 1...8 {
            var a = SmallMatrix(order: p)
            for j in 0..<p { for i in 0..<p { a[i, j] = cos(Double(2 * i + 5 * j + 1)) * 0.3 } }
            var spd = SmallMatrix(order: p)
            for k in 0..<p { spd.addOuterProduct(a[column: k], weight: 1 + Double(k)) }
            for i in 0..<p { spd[i, i] += 0.5 }
            var b = SIMD8<Double>.zero
            for i in 0..<p { b[i] = Double(i) * 0.7 - 1.1 }
            let twoStep = try SmallCholesky(spd).solve(b)
            #expect(SmallCholesky.solve(spd, b) == twoStep)
            #expect(SmallCholesky.isPositiveDefinite(spd))
            var indefinite = spd
            indefinite[p - 1, p - 1] = -1
            #expect(SmallCholesky.solve(indefinite, b) == nil)
            #expect(!SmallCholesky.isPositiveDefinite(indefinite))
            #expect((try? SmallCholesky(indefinite)) == nil)
        }
    }

    @Test func smallCholeskyRejectsIndefinite() {
        var a = SmallMatrix(order: 3)
        a[0, 0] = 1; a[1, 1] = -1; a[2, 2] = 1
        #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 2)) { try SmallCholesky(a) }
    }

    @Test func outerProductAccumulatesAGramMatrix() {
        var a = SmallMatrix(order: 2)
        a.addOuterProduct(SIMD8(1, 2, 0, 0, 0, 0, 0, 0), weight: 2)
        a.addOuterProduct(SIMD8(0, 1, 0, 0, 0, 0, 0, 0))
        #expect(a.matrix.rowArrays == [[2, 4], [4, 9]])
        #expect(a.multiply(SIMD8(1, 1, 0, 0, 0, 0, 0, 0))[1] == 13)
    }
}

import Foundation

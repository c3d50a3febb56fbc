import Foundation
import Testing
@testable import InflowLinearAlgebra

/// `SmallMatrix.symmetricEigenvalues()` (cyclic Jacobi, no LAPACK) against closed forms and against
/// LAPACK's dsyevd (`SymmetricEigenDecomposition`) on definite, indefinite, graded and singular matrices
/// of every order 1...8.
@Suite("Small symmetric eigenvalues")
struct SmallEigenvalueTests {
    /// [[a, b], [b, c]] has eigenvalues (a + c)/2 -+ sqrt(((a - c)/2)^2 + b^2).
    @Test func twoByTwoClosedForm() {
        var m = SmallMatrix(order: 2)
        m[0, 0] = 4; m[1, 0] = 3; m[0, 1] = 3; m[1, 1] = -2
        let values = m.symmetricEigenvalues()
        let mean = 1.0, radius = (9.0 + 9.0).squareRoot()
        #expect(abs(values[0] - (mean - radius)) <= Tolerance.wellConditioned * 8)
        #expect(abs(values[1] - (mean + radius)) <= Tolerance.wellConditioned * 8)
        #expect(values[2] == 0 && values[7] == 0)
    }

    /// A diagonal matrix is returned sorted, exactly; a 1 x 1 matrix is its element.
    @Test func diagonalAndScalar() {
        var d = SmallMatrix(order: 4)
        for (j, value) in [3.0, -1.0, 7.5, 0.0].enumerated() { d[j, j] = value }
        #expect(d.symmetricEigenvalues() == SIMD8(-1, 0, 3, 7.5, 0, 0, 0, 0))
        var one = SmallMatrix(order: 1)
        one[0, 0] = -2.5
        #expect(one.symmetricEigenvalues()[0] == -2.5)
    }

    /// Random symmetric matrices (a fixed LCG), scaled in four ways, against dsyevd.
    @Test(arguments: 1...8)
    func agreesWithLAPACK(order: Int) throws {
        var state: UInt64 = 0x9E3779B97F4A7C15 &* UInt64(order)
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
        for kind in 0..<4 {
            var small = SmallMatrix(order: order)
            var dense = Matrix(rows: order, columns: order)
            // 0: indefinite; 1: definite (B B^T + I); 2: graded (entries scaled by 10^(i+j)); 3: singular (rank 1).
            var b = [[Double]](repeating: [Double](repeating: 0, count: order), count: order)
            for i in 0..<order { for j in 0..<order { b[i][j] = uniform() } }
            for i in 0..<order {
                for j in 0...i {
                    var value: Double
                    switch kind {
                    case 0: value = b[i][j]
                    case 1: value = (0..<order).reduce(0) { $0 + b[i][$1] * b[j][$1] } + (i == j ? 1 : 0)
                    case 2: value = b[i][j] * pow(10, Double(i + j))
                    default: value = b[0][i] * b[0][j]
                    }
                    small[i, j] = value; small[j, i] = value
                    dense[i, j] = value; dense[j, i] = value
                }
            }
            let reference = try SymmetricEigenDecomposition(dense).eigenvalues
            let values = small.symmetricEigenvalues()
            var norm = 0.0
            for i in 0..<order { for j in 0..<order { norm += dense[i, j] * dense[i, j] } }
            let bar = Tolerance.eigenvalueNormMultiple * Double.ulpOfOne * norm.squareRoot()
            for j in 0..<order {
                #expect(abs(values[j] - reference[j]) <= bar, "order \(order) kind \(kind) eigenvalue \(j): \(values[j]) vs \(reference[j])")
            }
            for j in order..<8 { #expect(values[j] == 0) }
        }
    }
}

extension BatchedNormalEquations {
    /// Scratch memory for ``solve(columns:weights:weightedResponses:workspace:into:solved:)``: the packed
    /// Gram matrices and right-hand sides of up to `capacity` replicates, allocated once and reused.
    public struct Workspace {
        /// The most replicates one call may solve.
        public let capacity: Int
        var gramians: [Double]
        var rightHandSides: [Double]

        /// Scratch for up to `capacity` replicates of `equations`.
        public init(capacity: Int, equations: BatchedNormalEquations) {
            self.capacity = capacity
            gramians = [Double](repeating: 0, count: equations.pairwiseProducts.columns * capacity)
            rightHandSides = [Double](repeating: 0, count: equations.coefficientCount * capacity)
        }
    }
}

extension Estimate: CustomStringConvertible {
    /// `2,387 (SE 112; interval 2,280 to 2,760, profile)`: whole numbers with thousands separators from 100 up, three
    /// significant digits below; what the interval is comes last (``method``).
    public var description: String {
        func text(_ x: Double) -> String {
            guard x.isFinite else { return x.isNaN ? "not computed" : (x > 0 ? "unbounded" : "minus unbounded") }
            return SizeBound.readable(x)
        }
        let se = standardError.isFinite ? "SE \(text(standardError)); " : ""
        return "\(text(value)) (\(se)interval \(text(lower)) to \(text(upper)), \(method))"
    }
}

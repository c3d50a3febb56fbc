/// A curve fit as JSON, through its ``CurveFitRecord``: `JSONEncoder().encode(fit)` and
/// `JSONDecoder().decode(CurveFit.self, from: data)`; the decoded fit predicts and summarises as the original.
extension CurveFit: Codable {
    /// Writes the fit's ``CurveFitRecord``.
    public func encode(to encoder: any Encoder) throws {
        try CurveFitRecord(self).encode(to: encoder)
    }

    /// Reads a ``CurveFitRecord`` and rebuilds the fit.
    /// - Throws: ``CurveFitRecord/Failure`` for an unknown family or an inconsistent record, or a decoding error.
    public init(from decoder: any Decoder) throws {
        self = try CurveFitRecord(from: decoder).fit()
    }
}

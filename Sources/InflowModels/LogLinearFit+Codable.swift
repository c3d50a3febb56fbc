/// A log-linear fit as JSON, through its ``LogLinearFitRecord``.
extension LogLinearFit: Codable {
    /// Writes the fit's ``LogLinearFitRecord``.
    public func encode(to encoder: any Encoder) throws {
        try LogLinearFitRecord(self).encode(to: encoder)
    }

    /// Reads a ``LogLinearFitRecord`` and rebuilds the fit.
    /// - Throws: ``LogLinearFitRecord/Failure`` or a decoding error.
    public init(from decoder: any Decoder) throws {
        self = try LogLinearFitRecord(from: decoder).fit()
    }
}

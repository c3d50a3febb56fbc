/// Tidy tables of a log-linear fit (broom's `tidy()` and `glance()`).
extension LogLinearFit {
    /// One row per coefficient in ``coefficientNames``' order, then `theta` for NB2, from ``summaryTable(level:)``.
    /// - Complexity: O(p).
    public func tidy(level: Double = 0.95) -> [TidyParameterRow] {
        summaryTable(level: level).parameters.map { TidyParameterRow($0, level: level) }
    }

    /// The fit's statistics as one row (see ``GlanceRow``), `n - p` with `p` the identified coefficients
    /// (R's `df.residual`).
    /// - Complexity: O(p).
    public func glance() -> GlanceRow {
        GlanceRow(statistics: summaryTable().statistics, residualDegreesOfFreedom: observationCount - identifiedCoefficientCount)
    }
}

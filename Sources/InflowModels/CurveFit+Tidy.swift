/// Tidy tables of a curve fit (broom's `tidy()` and `glance()`).
extension CurveFit {
    /// One row per estimated quantity in ``parameterNames``' order (the family's parameters, `beta`, `theta`), from
    /// ``summaryTable(level:)``: estimate, standard error, `z`, p-value and a Wald interval at `level`.
    /// - Complexity: O(p).
    public func tidy(level: Double = 0.95) -> [TidyParameterRow] {
        summaryTable(level: level).parameters.map { TidyParameterRow($0, level: level) }
    }

    /// The fit's statistics as one row (see ``GlanceRow``), with `n - p` counting the free curve and background
    /// parameters.
    /// - Complexity: O(p).
    public func glance() -> GlanceRow {
        GlanceRow(statistics: summaryTable().statistics, residualDegreesOfFreedom: observationCount - freeMeanParameterCount)
    }
}

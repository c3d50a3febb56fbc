import Foundation

/// A fit as tables: its coefficient table (``ParameterEstimate`` rows), its statistics and its warnings;
/// `Codable`, with `null` for values the data do not determine. What `inflow fit --format json` prints
/// and the saved results of `inflow project` carry.
///
/// ```swift
/// let fit = try Logistic().fit(series, error: .negativeBinomial)
/// print(fit.summaryTable())           // a coefficient table with SE, z, p and a 95% interval
/// ```
public struct FitSummary: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The model.
    public let model: ModelID
    /// The level of the intervals (0.95).
    public let level: Double
    /// One row per estimated quantity, in the fit's order.
    public let parameters: [ParameterEstimate]
    /// The fit's statistics.
    public let statistics: FitStatistics
    /// What the data or the fit needed said.
    public let warnings: [String]

    /// A summary.
    public init(model: ModelID, level: Double, parameters: [ParameterEstimate], statistics: FitStatistics,
                warnings: [String]) {
        self.model = model
        self.level = level
        self.parameters = parameters
        self.statistics = statistics
        self.warnings = warnings
    }

    /// The coefficient table and statistics as aligned text.
    public var description: String {
        func number(_ value: Double?) -> String {
            guard let value else { return "-" }
            if value != 0 && (abs(value) >= 1e6 || abs(value) < 1e-3) { return String(format: "%.3e", value) }
            return String(format: "%.4g", value)
        }
        let percent = String(format: "%g%%", level * 100)
        let header = ["parameter", "estimate", "std. error", "z", "p", "\(percent) lower", "\(percent) upper"]
        let rows = parameters.map { row in
            [row.name, number(row.estimate), row.fixed ? "fixed" : (row.note != nil && row.standardError == nil ? "n.d." : number(row.standardError)), number(row.z),
             row.pValue.map { $0 < 1e-4 ? "<1e-4" : String(format: "%.4f", $0) } ?? "-", number(row.lower),
             number(row.upper)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        var lines = ["\(model): \(statistics.status)", line(header)] + rows.map(line)
        var facts = ["n = \(statistics.observations)", "k = \(statistics.estimatedParameters)"]
        if let ll = statistics.logLikelihood { facts.append(String(format: "log-likelihood = %.3f", ll)) }
        if let aic = statistics.aic { facts.append(String(format: "AIC = %.2f", aic)) }
        if let aicc = statistics.aicc { facts.append(String(format: "AICc = %.2f", aicc)) }
        if let bic = statistics.bic { facts.append(String(format: "BIC = %.2f", bic)) }
        lines.append(facts.joined(separator: ", "))
        lines += warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }
}

extension CurveFit {
    /// The fit's coefficient table, statistics and warnings, with Wald intervals at `level`.
    public func summaryTable(level: Double = 0.95) -> FitSummary {
        let intervals = confidenceIntervals(level: level)
        let rows = parameterNames.enumerated().map { index, name -> ParameterEstimate in
            if name == family.finalSizeParameter {
                return ParameterEstimate(sizeParameter: name, estimate: naturalValue(index), standardError: standardError(index),
                                         lower: intervals[name]?.lower, upper: intervals[name]?.upper, fixed: fixed[index],
                                         atBound: isAtBound(index), observed: observedSoFar)
            }
            let internalSE = fixed[index] ? 0 : (covariance.map { $0[index, index].squareRoot() } ?? .infinity)
            // theta's z is that of log theta (its interval is too): the Wald test on the scale it was estimated on.
            let z = name == "theta" && internalSE > 0 ? vector[index] / internalSE : nil
            return ParameterEstimate(name: name, estimate: naturalValue(index), standardError: standardError(index),
                                     lower: intervals[name]?.lower, upper: intervals[name]?.upper,
                                     fixed: fixed[index], zStatistic: z, atBound: isAtBound(index))
        }
        let thetaIndex = parameterNames.firstIndex(of: "theta")
        let statistics = FitStatistics(model: id, fit: self, deviance: deviance, pearsonChiSquare: pearsonChiSquare,
                                       theta: thetaIndex.map(naturalValue), thetaStandardError: thetaIndex.map(standardError),
                                       status: status)
        return FitSummary(model: id, level: level, parameters: rows, statistics: statistics, warnings: warnings)
    }
}

extension LogLinearFit {
    /// The fit's coefficient table (standard errors of ``standardErrors``), statistics and warnings,
    /// with Wald intervals at `level`.
    public func summaryTable(level: Double = 0.95) -> FitSummary {
        let z = InflowStatisticsBridge.normalQuantile(0.5 + level / 2)
        let rows = coefficientNames.enumerated().map { j, name -> ParameterEstimate in
            let se = standardErrors[j]
            return ParameterEstimate(name: name, estimate: coefficients[j], standardError: se,
                                     lower: se.map { coefficients[j] - z * $0 }, upper: se.map { coefficients[j] + z * $0 },
                                     fixed: false)
        }
        var thetaRows: [ParameterEstimate] = []
        if let theta {
            // Wald interval of log theta, transformed back (SE of log theta = SE(theta) / theta).
            let logSE = thetaStandardError.map { $0 / theta }
            thetaRows.append(ParameterEstimate(
                name: "theta", estimate: theta, standardError: thetaStandardError,
                lower: logSE.map { theta * exp(-z * $0) }, upper: logSE.map { theta * exp(z * $0) }, fixed: false,
                zStatistic: logSE.flatMap { $0 > 0 ? log(theta) / $0 : nil }))
        }
        let statistics = FitStatistics(model: id, fit: self, deviance: deviance, pearsonChiSquare: pearsonChiSquare,
                                       theta: theta, thetaStandardError: thetaStandardError, status: status)
        return FitSummary(model: id, level: level, parameters: rows + thetaRows, statistics: statistics,
                          warnings: warnings)
    }
}

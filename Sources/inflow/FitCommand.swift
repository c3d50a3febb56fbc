import ArgumentParser
import Foundation
import Inflow
import Synchronization

/// `inflow fit`: fit families and print estimates, standard errors, intervals, AICc and status.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit curve families and print parameters, standard errors, intervals, AICc and status.",
        discussion: "With --key-column, the total and then every key are fitted, each as its own series (JSON: one entry per series).")

    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Models") var models: ModelOptions

    @Option(name: .long, help: ArgumentHelp("Output format: table or json.", valueName: "format"))
    var format: OutputFormat = .table

    func validate() throws {
        if format == .csv { throw ValidationError("fit prints a table or json; use 'inflow project --format csv' for forecast tables.") }
    }

    @Option(name: .long, help: ArgumentHelp("Threads for fitting the keys (with --key-column); results do not depend on it.",
                                            valueName: "N"))
    var threads: Int = 2

    func run() throws {
        guard threads >= 1 && threads <= 256 else { throw ValidationError("--threads must be between 1 and 256 (got \(threads)).") }
        let loaded = try data.load()
        // The file-level warning that the fits' own warnings do not carry: clock times read as UTC.
        for warning in loaded.warnings where warning.kind == .timesReadAsUTC {
            FileHandle.standardError.write(Data("\(CommandHints.warning(warning.description))\n".utf8))
        }
        let total = loaded.total ?? loaded.series[0]
        let (families, logLinear) = try models.families()
        var results = [fitAll(total, families: families, logLinear: logLinear,
                              options: { try models.fitOptions(for: $0, data: loaded) })]
        // With key columns, every key too: each its own series, without a background rate unless
        // --background estimate asks for one (a stated background is the total's, not a key's).
        if loaded.total != nil {
            let options = try models.analysisOptions()
            let keyBackground: BackgroundRate = options.background == .estimated ? .estimated : .none
            let keys = loaded.series
            let keyed = Mutex([SeriesFits?](repeating: nil, count: keys.count))
            let chunk = max(1, (keys.count + threads - 1) / threads)
            DispatchQueue.concurrentPerform(iterations: min(threads, keys.count)) { worker in
                for index in (worker * chunk)..<min(keys.count, (worker + 1) * chunk) {
                    let fits = fitAll(keys[index], families: families, logLinear: logLinear, options: {
                        options.fitOptions(for: $0, series: keys[index], background: keyBackground)
                    })
                    keyed.withLock { $0[index] = fits }
                }
            }
            results += keyed.withLock { $0.compactMap { $0 } }
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            // One series: its fits, as before; with keys, one entry per series (the total first).
            let data = loaded.total == nil ? try encoder.encode(results[0].records) : try encoder.encode(results)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(results.map(\.text).joined(separator: "\n\n"))
        }
    }

    /// Every family (and the log-linear model) fitted to one series.
    func fitAll(_ series: InflowSeries, families: [any CurveFamily], logLinear: Bool,
                options: (any CurveFamily) throws -> FitOptions) -> SeriesFits {
        var records: [FitRecord] = []
        var text: [String] = ["\(series.name): \(models.error.rawValue) errors"]
        for family in families {
            do {
                let fit = try family.fit(series, error: models.error, options: try options(family))
                records.append(FitRecord(fit))
                text.append("")
                text.append(FitText.render(fit))
            } catch {
                text.append("")
                text.append("\(family.title): not fitted: \(error)")
                records.append(FitRecord(model: ModelID(family: family.name, error: models.error), failure: "\(error)"))
            }
        }
        if logLinear {
            do {
                let fit = try LogLinearModel(basis: try models.parsedBasis(), dayOfWeek: models.dayOfWeek)
                    .fit(series, error: models.error == .gaussian ? .poisson : models.error)
                records.append(FitRecord(fit))
                text.append("")
                text.append(FitText.render(fit))
            } catch {
                text.append("")
                text.append("log-linear: not fitted: \(error)")
                records.append(FitRecord(model: ModelID(family: LogLinearModel.name, error: models.error), failure: "\(error)"))
            }
        }
        return SeriesFits(series: series.name, records: records, text: text.joined(separator: "\n"))
    }
}

/// The fits of one series, for `inflow fit` with key columns.
struct SeriesFits: Encodable {
    let series: String
    let records: [FitRecord]
    let text: String

    enum CodingKeys: String, CodingKey { case series, fits }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(series, forKey: .series)
        try container.encode(records, forKey: .fits)
    }
}

struct FitRecord: Encodable {
    let model: ModelID
    let summary: FitSummary?
    let finalSize: FiniteEstimate?
    let failure: String?

    init(_ fit: CurveFit) {
        model = fit.id
        summary = fit.summaryTable()
        finalSize = fit.family.finalSize(fit.curveParameters).isFinite ? FiniteEstimate(fit.finalSize()) : nil
        failure = nil
    }

    init(_ fit: LogLinearFit) {
        model = fit.id
        summary = fit.summaryTable()
        finalSize = nil
        failure = nil
    }

    init(model: ModelID, failure: String) {
        self.model = model
        summary = nil
        finalSize = nil
        self.failure = failure
    }

    enum CodingKeys: String, CodingKey { case model, summary, finalSize, failure }

    /// Writes every key, `null` for a missing value.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(summary, forKey: .summary)
        try container.encode(finalSize, forKey: .finalSize)
        try container.encode(failure, forKey: .failure)
    }
}

/// An estimate for JSON: values that are not finite (an unbounded interval end) become null.
struct FiniteEstimate: Encodable {
    let value: Double?
    let standardError: Double?
    let lower: Double?
    let upper: Double?
    let method: String

    init(_ estimate: Estimate) {
        func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
        value = finite(estimate.value)
        standardError = finite(estimate.standardError)
        lower = finite(estimate.lower)
        upper = finite(estimate.upper)
        method = estimate.method
    }

    enum CodingKeys: String, CodingKey { case value, standardError, lower, upper, method }

    /// Writes every key, with null for a missing value (a schema with fixed keys).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(lower, forKey: .lower)
        try container.encode(upper, forKey: .upper)
        try container.encode(method, forKey: .method)
    }
}

/// The terminal rendering of fits.
enum FitText {
    static func render(_ fit: CurveFit) -> String {
        var lines = ["\(fit.family.title): \(fit.family.formula)", "  status: \(fit.status)"]
        var table = TextTable(["parameter", "estimate", "std. error", "95% Wald interval"])
        let intervals = fit.confidenceIntervals()
        for (index, name) in fit.parameterNames.enumerated() {
            let value = fit.parameters[name]!
            let se = fit.standardErrors[name]!
            let interval = intervals[name].map { interval -> String in
                if interval.upper == .infinity { return "not determined by these data (at least \(Formatting.number(interval.lower)))" }
                if interval.lower == -.infinity { return "not determined by these data (at most \(Formatting.number(interval.upper)))" }
                return "[\(Formatting.number(interval.lower)), \(Formatting.number(interval.upper))]"
            } ?? ""
            if fit.fixed[index] {
                table.add([name, Formatting.number(value), "fixed", ""])
            } else if fit.isAtBound(index) {
                table.add([name, Formatting.number(value), "at bound", ""])
            } else if !se.isFinite {
                table.add([name, Formatting.number(value), "n.d.", "not determined"])
            } else if name == fit.family.finalSizeParameter, let wald = intervals[name],
                      case .atLeast(let lower) = SizeBound(lower: wald.lower, upper: wald.upper, observed: fit.observedSoFar) {
                table.add([name, Formatting.number(value), "n.d.", SizeBound.atLeast(lower).description])
            } else {
                table.add([name, Formatting.number(value), Formatting.number(se), interval])
            }
        }
        lines.append(table.render())
        var statistics = ["n = \(fit.observationCount)"]
        if let aicc = fit.aicc { statistics.append(String(format: "AICc = %.2f", aicc)) }
        if let ll = fit.logLikelihood { statistics.append(String(format: "log-likelihood = %.3f", ll)) }
        statistics.append(String(format: "deviance = %.3f", fit.deviance))
        lines.append("  " + statistics.joined(separator: ", "))
        if fit.family.isBounded {
            let size = fit.finalSize()
            let remaining = fit.remaining()
            let sizeBound = size.sizeBound(observed: fit.observedSoFar)
            let remainingBound = remaining.sizeBound(observed: fit.observedSoFar, remaining: true)
            if sizeBound.isDetermined {
                lines.append("  final size \(Formatting.count(size.value)) \(sizeBound) (\(size.method)); remaining \(Formatting.count(remaining.value)) \(remainingBound)")
            } else {
                lines.append("  final size \(sizeBound) (\(size.method)); remaining \(remainingBound)")
            }
        }
        let peak = fit.peakTime()
        if peak.value.isFinite {
            let date = fit.observations.origin.addingTimeInterval(peak.value * 86_400)
            let zone = fit.observations.timeZone
            lines.append("  peak inflow on day \(Formatting.number(peak.value)) (\(Formatting.date(date, timeZone: zone)), \(Formatting.zone(zone, at: date))), \(Formatting.count(fit.peakRate().value)) per day")
        }
        lines += fit.warnings.map { "  warning: \(CommandHints.warning($0))" }
        return lines.joined(separator: "\n")
    }

    static func render(_ fit: LogLinearFit) -> String {
        var lines = ["Log-linear count model (\(fit.basis.basis)): \(LogLinearModel.formula)", "  status: \(fit.status)"]
        var table = TextTable(["coefficient", "estimate", "std. error"])
        for (j, name) in fit.coefficientNames.enumerated() {
            table.add([name, Formatting.number(fit.coefficients[j]), fit.standardErrors[j].map(Formatting.number) ?? "aliased"])
        }
        lines.append(table.render())
        var statistics = ["n = \(fit.observationCount)"]
        if let theta = fit.theta { statistics.append("theta = \(Formatting.number(theta))") }
        if let aicc = fit.aicc { statistics.append(String(format: "AICc = %.2f", aicc)) }
        lines.append("  " + statistics.joined(separator: ", "))
        lines += fit.warnings.map { "  warning: \(CommandHints.warning($0))" }
        return lines.joined(separator: "\n")
    }
}

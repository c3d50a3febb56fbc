import ArgumentParser
import Foundation
import Inflow

/// Which models to fit, with which errors and constraints.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Curve families, comma separated, or 'all' (see 'inflow models').", valueName: "name[,name...]|all"))
    var curve: String = AnalysisOptions.defaultFamilies.map(\.name).joined(separator: ",")

    @Option(name: .long, help: ArgumentHelp("Basis of the log-linear model: spline:DF or polynomial:DEGREE.", valueName: "basis"))
    var basis: String = "spline:3"

    @Flag(name: .customLong("day-of-week"), help: "Add day-of-week effects to the log-linear model.")
    var dayOfWeek = false

    @Option(name: .long, help: ArgumentHelp("Error family: poisson, negative-binomial or gaussian.", valueName: "family"))
    var error: ErrorFamily = .negativeBinomial

    @Option(name: .long, help: ArgumentHelp("Starting values, such as K=3000,r=0.5.", valueName: "name=value,..."))
    var start: String?

    @Option(name: .long, help: ArgumentHelp("Parameters held fixed, such as t0=0.", valueName: "name=value,..."))
    var fix: String?

    @Option(name: .long, help: ArgumentHelp(
        "Arrivals per day unrelated to the surge: a rate, a range LOW..HIGH, 'estimate', 'none', or 'auto' (the default: the rate the data file states, else estimate).",
        valueName: "rate|low..high|estimate|none|auto"))
    var background: String = "auto"

    @Option(name: .customLong("pool-at-most"), help: ArgumentHelp(
        "People known to be still held: at most this many of the surge are still to come after the last report.",
        valueName: "N"))
    var poolAtMost: Double?

    @Option(name: .customLong("final-size-at-least"), help: ArgumentHelp(
        "A published \"more than N\" figure: the surge's final size is at least N.", valueName: "N"))
    var finalSizeAtLeast: Double?

    func validate() throws {
        for (flag, value) in [("--pool-at-most", poolAtMost), ("--final-size-at-least", finalSizeAtLeast)] {
            if let value, !(value.isFinite && value >= 0 && value <= 1e9) {
                throw ValidationError("\(flag) takes a number of people from 0 to 1,000,000,000 (got \(value)).")
            }
        }
        _ = try families()
        _ = try parsedBasis()
        _ = try Self.assignments(start, flag: "--start")
        _ = try Self.assignments(fix, flag: "--fix")
        _ = try backgroundRate()
        if error == .quasiPoisson {
            throw ValidationError("--error takes poisson, negative-binomial or gaussian; quasi-poisson is available from the library.")
        }
    }

    /// The selected curve families and whether the log-linear model is included: the library's model names
    /// (``ModelNames``), so `--curve`, `inflow models` and the library know one name per model.
    func families() throws -> (curves: [any CurveFamily], logLinear: Bool) {
        let names = curve == "all"
            ? ModelNames.all
            : curve.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { throw ValidationError("--curve needs at least one family name.") }
        var curves: [any CurveFamily] = []
        var logLinear = false
        for name in names {
            switch ModelNames.kind(of: name) {
            case .logLinear: logLinear = true
            case .curveFamily(let family): curves.append(family)
            case nil:
                let known = ModelNames.all.joined(separator: ", ")
                throw ValidationError("--curve: unknown family '\(name)'. Known families: \(known), or 'all'.")
            }
        }
        return (curves, logLinear)
    }

    func parsedBasis() throws -> TimeBasis {
        let parts = basis.split(separator: ":")
        guard parts.count == 2, let number = Int(parts[1]), number >= 1, number <= 20 else {
            throw ValidationError("--basis must be spline:DF or polynomial:DEGREE with a number from 1 to 20 (got '\(basis)').")
        }
        switch parts[0] {
        case "spline": return .naturalSpline(degreesOfFreedom: number)
        case "polynomial": return .polynomial(degree: number)
        default: throw ValidationError("--basis must start with 'spline:' or 'polynomial:' (got '\(basis)').")
        }
    }

    static func assignments(_ text: String?, flag: String) throws -> [String: Double] {
        guard let text, !text.isEmpty else { return [:] }
        var result: [String: Double] = [:]
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[0].isEmpty, let value = Double(pair[1]), value.isFinite else {
                throw ValidationError("\(flag) takes name=value pairs separated by commas, such as K=3000,r=0.5 (got '\(item)').")
            }
            result[pair[0]] = value
        }
        return result
    }

    /// The background asked for; `nil` for `auto`.
    func backgroundRate() throws -> BackgroundRate? {
        switch background {
        case "auto": return nil
        case "estimate": return .estimated
        case "none": return BackgroundRate.none
        default:
            guard let rate = StatedRate.parse(background, line: 0), rate.note.isEmpty else {
                throw ValidationError("--background takes a rate of at least 0 arrivals per day, a range such as 20..25, 'estimate', 'none' or 'auto' (got '\(background)').")
            }
            return rate.lower == rate.upper ? .fixed(rate.lower) : .range(lower: rate.lower, upper: rate.upper)
        }
    }

    /// The analysis options these flags ask for, with the library's projection defaults (arguments were
    /// validated already).
    func analysisOptions() throws -> AnalysisOptions {
        let (curves, logLinear) = try families()
        return AnalysisOptions(
            families: curves, includesLogLinear: logLinear,
            logLinear: LogLinearModel(basis: try parsedBasis(), dayOfWeek: dayOfWeek), error: error,
            background: try backgroundRate(), start: try Self.assignments(start, flag: "--start"),
            fixed: try Self.assignments(fix, flag: "--fix"),
            knowledge: PoolKnowledge(remainingAtMost: poolAtMost, finalSizeAtLeast: finalSizeAtLeast))
    }

    /// Fit options for a family on `data`: the background asked for (or the one the data state, else
    /// estimated), and only the start and fixed values that are its parameters.
    func fitOptions(for family: any CurveFamily, data: LoadedData) throws -> FitOptions {
        let options = try analysisOptions()
        let series = data.total ?? data.series[0]
        return options.fitOptions(for: family, series: series, background: options.resolvedBackground(for: data).rate)
    }
}

extension ErrorFamily: ExpressibleByArgument {
    public static var allValueStrings: [String] { ["poisson", "negative-binomial", "gaussian"] }
}

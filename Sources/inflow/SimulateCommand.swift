import ArgumentParser
import Foundation
import Inflow

/// `inflow simulate`: write a synthetic series from a family and parameters.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a synthetic daily series (CSV) drawn from a curve family with known parameters.")

    @Option(name: .long, help: ArgumentHelp("Curve family (see 'inflow models').", valueName: "name"))
    var curve: String = "logistic"

    @Option(name: .long, help: ArgumentHelp("Parameters, such as K=3000,r=0.4,t0=10.", valueName: "name=value,..."))
    var parameters: String

    @Option(name: .long, help: ArgumentHelp("Error family: poisson, negative-binomial or gaussian.", valueName: "family"))
    var error: ErrorFamily = .negativeBinomial

    @Option(name: .long, help: ArgumentHelp("NB2 theta (or the Gaussian standard deviation).", valueName: "value"))
    var theta: Double = 20

    @Option(name: .long, help: ArgumentHelp("Number of days.", valueName: "days"))
    var days: Int = 30

    @Option(name: .long, help: ArgumentHelp("First date (ISO 8601).", valueName: "date"))
    var start: String = "2026-01-16"

    @Option(name: .long, help: ArgumentHelp("Seed.", valueName: "N"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    func family() throws -> any CurveFamily {
        switch ModelNames.kind(of: curve) {
        case .curveFamily(let family):
            return family
        case .logLinear:
            throw ValidationError("--curve: \(curve) is the log-linear count model, not a curve family, so it has no "
                                  + "parameters to simulate from. Curve families: \(ModelNames.curveFamilies.joined(separator: ", ")).")
        case nil:
            throw ValidationError("--curve: unknown family '\(curve)'. Known families: \(ModelNames.curveFamilies.joined(separator: ", ")).")
        }
    }

    func values() throws -> [Double] {
        let family = try family()
        let given = try ModelOptions.assignments(parameters, flag: "--parameters")
        for name in given.keys where family.parameterIndex(name) == nil {
            throw ValidationError("--parameters: '\(name)' is not a parameter of \(family.name); its parameters are \(family.parameters.map(\.name).joined(separator: ", ")).")
        }
        return try family.parameters.map { parameter in
            guard let value = given[parameter.name] else {
                throw ValidationError("--parameters needs a value for \(parameter.name) (\(parameter.summary)).")
            }
            return value
        }
    }

    func validate() throws {
        _ = try values()
        guard days >= 1 && days <= 100_000 else { throw ValidationError("--days must be between 1 and 100000 (got \(days)).") }
        guard theta > 0 else { throw ValidationError("--theta must be positive (got \(theta)).") }
        guard error != .quasiPoisson else { throw ValidationError("--error takes poisson, negative-binomial or gaussian.") }
        guard Self.date(start) != nil else { throw ValidationError("--start takes a date such as 2026-01-16 (got '\(start)').") }
    }

    /// The UTC midnight of a `yyyy-MM-dd` date (proleptic Gregorian).
    static func date(_ text: String) -> Date? {
        guard let parsed = ParsedTime(text), parsed.dateOnly else { return nil }
        return TimeText.startOfDay(CivilDate(daysSinceEpoch: parsed.day), in: TimeZone(secondsFromGMT: 0)!)
    }

    func run() throws {
        let simulator = Simulator(family: try family(), parameters: try values(), error: error, noiseParameter: theta)
        let series = simulator.simulate(days: days, seed: seed, origin: Self.date(start)!)
        let valueName = error == .gaussian ? "level" : "count"
        var text = "# simulated by inflow \(InflowCommand.version): \(curve) \(parameters), \(error.rawValue) errors (theta \(theta)), seed \(seed)\n"
        text += "date,\(valueName)\n"
        for (time, value) in zip(series.times, series.values) {
            let day = Formatting.date(time, timeZone: TimeZone(secondsFromGMT: 0)!)
            text += "\(day),\(value.map { error == .gaussian ? String($0) : String(Int($0)) } ?? "")\n"
        }
        if let output {
            try AtomicFileWriter(flag: "--output").write(text, to: URL(fileURLWithPath: output), name: output)
            FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
        } else {
            print(text, terminator: "")
        }
    }
}

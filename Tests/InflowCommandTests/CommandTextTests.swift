import ArgumentParser
import Foundation
import Inflow
import Testing
@testable import inflow

/// Help and error texts, as text: scripts and analysts depend on these names and sentences.
@Suite("Command help and validation texts")
struct CommandTextTests {
    @Test func rootHelpListsTheCommands() {
        let help = InflowCommand.helpMessage(columns: 100)
        for command in ["project", "fit", "backtest", "report", "check", "simulate", "models", "datasets"] {
            #expect(help.contains("  \(command) "), "\(command) missing from:\n\(help)")
        }
        #expect(help.hasPrefix("OVERVIEW: Fit inflow curves to published arrival figures and project how many more"))
    }

    @Test func projectHelpKeepsTheStableFlags() {
        let help = InflowCommand.helpMessage(for: ProjectCommand.self, columns: 200)
        let flags = ["--data <file>", "--time-column <name>", "--value-column <name>", "--key-column <name>",
                     "--observation <kind>", "--curve <name[,name...]|all>", "--basis <basis>", "--day-of-week",
                     "--error <family>", "--start <name=value,...>", "--fix <name=value,...>",
                     "--background <rate|low..high|estimate|none|auto>", "--pool-at-most <N>",
                     "--final-size-at-least <N>", "--horizon <days>", "--bootstrap <B>", "--ensemble <method>",
                     "--seed <N>", "--threads <N>", "--format <format>", "--report <path>", "--quiet"]
        for flag in flags { #expect(help.contains(flag), "\(flag) missing") }
        #expect(help.contains("--error <family>        Error family: poisson, negative-binomial or gaussian. (values: poisson, negative-binomial, gaussian; default: negative-binomial)"))
    }

    static let invalid: [([String], String)] = [
        (["project", "--horizon", "0"], "--horizon must be between 1 and 3650 days (got 0)."),
        (["project", "--bootstrap", "5"], "--bootstrap must be between 20 and 1,000,000 replicates (got 5); 1000 gives stable 95% intervals."),
        (["project", "--curve", "sigmoid"], "--curve: unknown family 'sigmoid'. Known families: exponential, logistic, richards, gompertz, bass, generalized-growth, generalized-logistic, generalized-richards, release, release-weibull, two-pool, release-delayed, release-lomax, waves-2, waves-3, release-loglogistic, log-linear, or 'all'."),
        (["project", "--start", "K=abc"], "--start takes name=value pairs separated by commas, such as K=3000,r=0.5 (got 'K=abc')."),
        (["project", "--background=-3"], "--background takes a rate of at least 0 arrivals per day, a range such as 20..25, 'estimate', 'none' or 'auto' (got '-3')."),
        (["project", "--background", "25..20"], "--background takes a rate of at least 0 arrivals per day, a range such as 20..25, 'estimate', 'none' or 'auto' (got '25..20')."),
        (["project", "--pool-at-most=-5"], "--pool-at-most takes a number of people from 0 to 1,000,000,000 (got -5.0)."),
        (["project", "--basis", "cubic:3"], "--basis must start with 'spline:' or 'polynomial:' (got 'cubic:3')."),
        (["project", "--report", "out.pdf"], "--report must end in .html or .md (got 'out.pdf')."),
        (["project", "--time-zone", "Asia/Atlantis"], "--time-zone must be a UTC offset such as +07:00 or -05:30, or an IANA time zone name such as Asia/Phnom_Penh (got 'Asia/Atlantis')."),
        (["project", "--time-zone", "+7"], "--time-zone must be a UTC offset such as +07:00 or -05:30, or an IANA time zone name such as Asia/Phnom_Penh (got '+7')."),
        (["simulate", "--curve", "log-linear", "--parameters", "K=3000"], "--curve: log-linear is the log-linear count model, not a curve family, so it has no parameters to simulate from. Curve families: exponential, logistic, richards, gompertz, bass, generalized-growth, generalized-logistic, generalized-richards, release, release-weibull, two-pool, release-delayed, release-lomax, waves-2, waves-3, release-loglogistic."),
        (["simulate", "--parameters", "K=3000,r=0.4"], "--parameters needs a value for t0 (midpoint, when half of K has arrived and the rate peaks (days))."),
        (["backtest", "--origin", "19-01-2026"], "--origin takes dates such as 2026-01-19 (got '19-01-2026')."),
    ]

    @Test(arguments: 0..<invalid.count)
    func invalidCombinationsAreRejectedWithASentence(index: Int) {
        let (arguments, message) = Self.invalid[index]
        do {
            _ = try InflowCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(InflowCommand.message(for: error) == message)
        }
    }

    /// Every model `inflow models` lists is one model under one name: `--curve NAME` selects exactly it, the
    /// library's `ModelNames` knows it, and `CurveFamilies.named` finds each curve family under it (`log-linear`
    /// is the log-linear model, not a curve family).
    @Test func everyListedModelNameIsTheLibrarysName() throws {
        let listing = try CommandRunTests.run(["models"])
        #expect(listing.status == 0)
        let section = listing.output.components(separatedBy: "Error families")[0]
        let listed = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 2)..<colon])
        }
        #expect(listed == ModelNames.all)
        for name in listed {
            let (curves, logLinear) = try ModelOptions.parse(["--curve", name]).families()
            if name == LogLinearModel.name {
                #expect(curves.isEmpty && logLinear)
                #expect(CurveFamilies.named(name) == nil)
            } else {
                #expect(curves.map(\.name) == [name] && !logLinear)
                #expect(CurveFamilies.named(name)?.name == name)
            }
        }
        let all = try ModelOptions.parse(["--curve", "all"]).families()
        #expect(all.curves.map(\.name) + (all.logLinear ? [LogLinearModel.name] : []) == listed)
    }
}

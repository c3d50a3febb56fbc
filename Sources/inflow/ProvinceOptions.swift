import ArgumentParser
import Foundation
import Inflow

/// `--by province` and the provincial model's inputs: share priors, known releases, the travel delay.
struct ProvinceOptions: ParsableArguments {
    @Option(name: .customLong("by"), help: ArgumentHelp(
        "Split the projection by origin: 'province' (the provincial inflow model; keys, if the data have them, are read as province-level counts).",
        valueName: "origin"))
    var by: SplitOrigin?

    @Option(name: .customLong("shares"), help: ArgumentHelp(
        "Prior shares of the released pool by province (CSV: province,share[,concentration]). Repeat to compare: the first is the prior, the others are shown as alternatives. Default: the gazetteer's concentrations.",
        valueName: "path"))
    var shares: [String] = []

    @Option(name: .customLong("events"), help: ArgumentHelp(
        "Known releases (CSV: province,date[,description]), each fixing its province's onset.", valueName: "path"))
    var events: String?

    @Option(name: .customLong("travel"), help: ArgumentHelp(
        "Travel delay held known instead of estimated: a=DAYS lost before travelling, v=KM a day, optional k=SHAPE (default prior: a about 1, v about 250, k 4).",
        valueName: "a=..,v=..[,k=..]"))
    var travel: String?

    /// The files these options read (never overwritten by an output).
    var inputPaths: [String] { shares + (events.map { [$0] } ?? []) }

    func validate() throws {
        guard by != nil || (shares.isEmpty && events == nil && travel == nil) else {
            throw ValidationError("--shares, --events and --travel need --by province.")
        }
        if let travel { _ = try Self.parseTravel(travel) }
    }

    /// The provincial model these options describe, reading the share and event files (errors name file,
    /// line and column); `nil` without `--by province`.
    func model(timeZone: TimeZone) throws -> ProvincialModel? {
        guard by == .province else { return nil }
        let gazetteer = try ProvinceGazetteer.bundled()
        do {
            let priors = try shares.map { path in
                try ProvinceShares(contentsOf: try Self.existing(path, flag: "--shares"), gazetteer: gazetteer, name: path)
            }
            let releases = try events.map { path in
                try ReleaseEvents(contentsOf: try Self.existing(path, flag: "--events"), gazetteer: gazetteer,
                                  timeZone: timeZone, name: path)
            }
            let delay = try travel.map { DelayPrior.known(try Self.parseTravel($0)) } ?? .planningDefault
            return ProvincialModel(gazetteer: gazetteer, shares: priors.first, alternatives: Array(priors.dropFirst()),
                                   events: releases, delayPrior: delay)
        } catch let error as DataError {
            throw CommandFailure(error.description)
        }
    }

    static func existing(_ path: String, flag: String) throws -> URL {
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(flag): no file named '\(path)'.") }
        return URL(fileURLWithPath: path)
    }

    /// Parses `a=1.5,v=200,k=4`.
    static func parseTravel(_ text: String) throws -> TravelDelay {
        var delay = TravelDelay.planningDefault
        var seen: Set<String> = []
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let value = Double(pair[1]), value.isFinite, value > 0 else {
                throw ValidationError("--travel: '\(part)' is not name=positive number; expected a=DAYS,v=KM_PER_DAY[,k=SHAPE].")
            }
            switch pair[0] {
            case "a": delay.fixedDays = value
            case "v": delay.kilometresPerDay = value
            case "k": delay.shape = value
            default: throw ValidationError("--travel: unknown name '\(pair[0])'; expected a, v or k.")
            }
            seen.insert(pair[0])
        }
        guard seen.isSuperset(of: ["a", "v"]) else { throw ValidationError("--travel needs both a= and v= (k= is optional).") }
        return delay
    }
}

/// What `--by` splits by.
enum SplitOrigin: String, ExpressibleByArgument, CaseIterable {
    case province
}

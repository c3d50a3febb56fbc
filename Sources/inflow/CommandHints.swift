import Inflow

/// What the command line adds to the library's messages: the flag that changes the outcome.
enum CommandHints {
    /// The hint for a loader error of `kind`, if a flag can change it.
    static func hint(for kind: DataError.Kind?) -> String? {
        switch kind {
        case .implausibleValue: "if the figure is real, raise the limit with --max-value N"
        case .implausibleTime: "if the dates are right, allow a longer span with --max-span-days N"
        default: nil
        }
    }

    /// The flag that names a column of `role`.
    static func flag(for role: DataError.ColumnRole) -> String {
        switch role {
        case .time: "--time-column"
        case .value: "--value-column"
        case .key: "--key-column"
        case .group: "--group-column"
        case .figureKind: "--kind-column"
        }
    }

    /// A library message in command-line words: a missing column's `with LoadOptions.timeColumn` becomes
    /// `with --time-column NAME`.
    /// The observation kind's `(LoadOptions.kind)` becomes `(--observation)`.
    static func commandLine(_ text: String, role: DataError.ColumnRole?) -> String {
        let text = warning(text).replacingOccurrences(of: "(LoadOptions.kind)", with: "(--observation)")
        guard let role, text.hasSuffix(role.namingSuffix) else { return text }
        return String(text.dropLast(role.namingSuffix.count)) + " with \(flag(for: role)) NAME"
    }

    /// A library warning in command-line words: the advice to set `LoadOptions.timeZone` becomes the option that does.
    static func warning(_ text: String) -> String {
        text.replacingOccurrences(of: DataWarning.timeZoneAdvice,
                                  with: "give --time-zone with the figures' clock (an offset such as +07:00 or a name such as Asia/Phnom_Penh; UTC if they are UTC)")
    }

    /// `error`'s description in command-line words with its hint, for a command's failure.
    static func failure(_ error: DataError) -> CommandFailure {
        let text = commandLine(error.description, role: error.columnRole)
        return CommandFailure(hint(for: error.kind).map { "\(text); \($0)" } ?? text)
    }

    /// What the command line adds to an analysis failure: how to hold parameters when the data are too few.
    static func failure(_ error: AnalysisError) -> CommandFailure {
        if case .noModelFitted(_, let failures) = error,
           failures.contains(where: { $0.reason.contains(CurveFitError.tooFewObservationsPhrase) }) {
            let text = "\(error)".replacingOccurrences(of: CurveFitError.tooFewObservationsAdvice, with: "")
            return CommandFailure("\(text)\nHold parameters at known values with --fix name=value, or add data.")
        }
        if case .nonFiniteProjection = error {
            return CommandFailure("\(error); inflow check --data FILE lists every problem of the file, and --max-value and "
                                  + "--max-span-days set the plausibility limits")
        }
        return CommandFailure("\(error)")
    }
}

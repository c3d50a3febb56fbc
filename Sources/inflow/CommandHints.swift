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

    /// `error`'s description with its hint, for a command's failure.
    static func failure(_ error: DataError) -> CommandFailure {
        CommandFailure(hint(for: error.kind).map { "\(error.description); \($0)" } ?? error.description)
    }
}

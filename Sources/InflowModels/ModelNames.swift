/// Every model name, the same on the command line (`inflow models`, `--curve`), in the documentation, in
/// ``ModelID/family`` and in the library.
///
/// Two kinds of model carry a name: the curve families (``CurveFamilies/all``, each ``CurveFamily/name``, found by
/// ``CurveFamilies/named(_:)``), and the log-linear count model (``LogLinearModel/name``, `log-linear`), which is a
/// GLM with its own fit (``LogLinearModel/fit(_:error:)``) and not a curve family, so
/// `CurveFamilies.named("log-linear")` is `nil`. Look a name up here first to learn which it is:
///
/// ```swift
/// switch ModelNames.kind(of: name) {
/// case .curveFamily(let family): try family.fit(series, error: .negativeBinomial)
/// case .logLinear: try LogLinearModel().fit(series, error: .negativeBinomial)
/// case nil: print("unknown model; known: \(ModelNames.all.joined(separator: ", "))")
/// }
/// ```
public enum ModelNames {
    /// What a name names.
    public enum Kind: Sendable {
        /// A curve family.
        case curveFamily(any CurveFamily)
        /// The log-linear count model.
        case logLinear
    }

    /// The curve families' names, in the order the command line lists them.
    public static var curveFamilies: [String] { CurveFamilies.all.map(\.name) }

    /// The log-linear model's name, `log-linear`.
    public static var logLinear: String { LogLinearModel.name }

    /// Every name: the curve families, then `log-linear` (what `--curve all` fits).
    public static var all: [String] { curveFamilies + [logLinear] }

    /// What `name` names, or `nil` for an unknown name.
    /// - Complexity: O(number of families).
    public static func kind(of name: String) -> Kind? {
        if name == logLinear { return .logLinear }
        return CurveFamilies.named(name).map { .curveFamily($0) }
    }
}

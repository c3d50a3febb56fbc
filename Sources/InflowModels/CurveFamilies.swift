/// The registry of curve families, for listing and for looking one up by name.
public enum CurveFamilies {
    /// Every closed-form and ODE family, in the order the command line lists them.
    public static var all: [any CurveFamily] {
        [ExponentialGrowth(), Logistic(), Richards(), Gompertz(), BassDiffusion(), GeneralizedGrowth(),
         ReleaseFromPool(), WeibullRelease(), TwoPoolRelease()] + extra
    }

    /// Families added by other files of the module (ODE-defined and delayed families).
    static var extra: [any CurveFamily] { [] }

    /// The family with this command-line name, if any.
    public static func named(_ name: String) -> (any CurveFamily)? {
        all.first { $0.name == name }
    }
}

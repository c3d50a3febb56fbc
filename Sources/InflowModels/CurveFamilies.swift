/// The registry of curve families, for listing and for looking one up by name.
public enum CurveFamilies {
    /// Every closed-form and ODE family, in the order the command line lists them.
    public static var all: [any CurveFamily] {
        [ExponentialGrowth(), Logistic(), Richards(), Gompertz(), BassDiffusion(), GeneralizedGrowth()] + odeFamilies
            + [ReleaseFromPool(), WeibullRelease(), TwoPoolRelease(), DelayedRelease(),
               StaggeredRelease.lomax, StaggeredRelease.twoWaves, StaggeredRelease.threeWaves, LogLogisticRelease()]
    }

    /// Chowell's families defined by their ODEs.
    static var odeFamilies: [any CurveFamily] { [GeneralizedLogistic(), GeneralizedRichards()] }

    /// The family with this command-line name, if any. `log-linear` is a model name but not a curve family (it is
    /// ``LogLinearModel``), so it gives `nil`: ``ModelNames`` lists every name and says which kind each is.
    public static func named(_ name: String) -> (any CurveFamily)? {
        all.first { $0.name == name }
    }
}

import ArgumentParser
import Inflow

/// `inflow models`: the curve and error families with formulas and parameters.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "List the curve and error families with formulas and parameters.")

    func run() {
        print("Curve families (--curve)")
        for family in CurveFamilies.all {
            print("")
            print("  \(family.name): \(family.title)")
            print("    \(family.formula)")
            for parameter in family.parameters {
                print("    \(parameter.name.padding(toLength: 7, withPad: " ", startingAt: 0)) \(parameter.summary)")
            }
        }
        print("")
        print("  \(LogLinearModel.name): log-linear count model (GLM), --basis spline:DF|polynomial:DEGREE, --day-of-week")
        print("    \(LogLinearModel.formula)")
        print("")
        print("Error families (--error)")
        print("  poisson            Var(y) = mu")
        print("  negative-binomial  Var(y) = mu + mu^2 / theta, theta estimated with the curve (NB2)")
        print("  gaussian           least squares, for level data")
    }
}

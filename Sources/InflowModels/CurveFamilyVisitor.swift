/// Work done with a curve family's concrete type: ``CurveFamilies/visit(_:_:)`` calls ``visit(_:)`` with it.
///
/// The fitter and the bootstrap refits are generic over the family; called through `any CurveFamily`
/// they would run generic code that looks the family's methods up at every step. The visitor is the one
/// place where an existential family becomes its concrete type, so the optimizer specialises the work
/// for each built-in family.
protocol CurveFamilyVisitor {
    associatedtype Output
    func visit<Family: CurveFamily>(_ family: Family) -> Output
}

extension CurveFamilies {
    /// Calls `visitor` with `family`'s concrete type: a direct (specialised) call for each built-in
    /// closed-form family, the generic entry point for the others (the ODE families, whose cost is the
    /// integration, and families defined outside the package).
    static func visit<Visitor: CurveFamilyVisitor>(_ family: any CurveFamily, _ visitor: Visitor) -> Visitor.Output {
        switch family {
        case let family as Logistic: visitor.visit(family)
        case let family as Richards: visitor.visit(family)
        case let family as Gompertz: visitor.visit(family)
        case let family as BassDiffusion: visitor.visit(family)
        case let family as ExponentialGrowth: visitor.visit(family)
        case let family as ReleaseFromPool: visitor.visit(family)
        case let family as WeibullRelease: visitor.visit(family)
        case let family as TwoPoolRelease: visitor.visit(family)
        case let family as StaggeredRelease: visitor.visit(family)
        case let family as LogLogisticRelease: visitor.visit(family)
        default: visitor.visit(family)
        }
    }
}

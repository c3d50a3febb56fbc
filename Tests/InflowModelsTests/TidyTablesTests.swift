import InflowCore
import Foundation
import Testing
import InflowModels

@Suite("Tidy tables, ordered parameters and model names")
struct TidyTablesTests {
    let reference: ResultsAPIReference
    init() throws { reference = try ResultsAPIReference.load() }

    @Test func glanceOfLogLinearFitsMatchesR() throws {
        let cases: [(LogLinearModel, ErrorFamily, ResultsAPIReference.Model)] = [
            (LogLinearModel(basis: .polynomial(degree: 2)), .poisson, reference.poissonQuadratic),
            (LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 3)), .negativeBinomial, reference.nb2Spline),
        ]
        for (model, error, expected) in cases {
            let glance = try model.fit(reference.series, error: error).glance()
            #expect(relativeDifference(try #require(glance.logLikelihood), expected.logLik) < ResultsTolerance.reference)
            #expect(relativeDifference(try #require(glance.aic), expected.aic) < ResultsTolerance.reference)
            #expect(relativeDifference(try #require(glance.deviance), expected.devianceTotal) < ResultsTolerance.reference)
            #expect(glance.residualDegreesOfFreedom == expected.dfResidual)
            #expect(glance.observations == reference.counts.count)
            #expect(relativeDifference(try #require(glance.dispersion), expected.dispersion) < ResultsTolerance.reference)
        }
    }

    @Test func tidyRowsFollowTheCoefficientTable() throws {
        var options = FitOptions()
        options.fixed = ["t0": 6]
        let fit = try Logistic().fit(reference.series, error: .negativeBinomial, options: options)
        let rows = fit.tidy(level: 0.9)
        #expect(rows.map(\.term) == fit.parameterNames)
        let table = fit.summaryTable(level: 0.9)
        for (row, entry) in zip(rows, table.parameters) {
            #expect(row.estimate == entry.estimate && row.standardError == entry.standardError)
            #expect(row.statistic == entry.z && row.pValue == entry.pValue)
            #expect(row.confidenceLow == entry.lower && row.confidenceHigh == entry.upper && row.level == 0.9)
        }
        let fixedRow = try #require(rows.first { $0.term == "t0" })
        #expect(fixedRow.fixed && fixedRow.standardError == nil && fixedRow.note == "held fixed")

        let csv = TidyParameterRow.csv(rows).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(csv.first == "term,estimate,std.error,statistic,p.value,conf.low,conf.high,level,fixed,note")
        #expect(csv.count == rows.count + 2)    // header, rows, and the final line break
        // Full precision: the estimate reads back as the same double.
        let kLine = try #require(csv.first { $0.hasPrefix("K,") })
        let kEstimate = try #require(Double(kLine.split(separator: ",")[1]))
        #expect(kEstimate == rows.first { $0.term == "K" }?.estimate)
        #expect(csv.contains("t0,6.0,,,,,,0.9,true,held fixed"))

        let glance = GlanceRow.csv([fit.glance()]).split(separator: "\n")
        #expect(glance.first == "model,logLik,AIC,BIC,deviance,df.residual,nobs,dispersion")
        #expect(glance.count == 2)
        #expect(fit.glance().residualDegreesOfFreedom == 14 - 2)   // K and r free, t0 fixed, theta not counted
    }

    @Test func parameterTableIsOrderedAndMatchesTheDictionaries() throws {
        var options = FitOptions()
        options.background = .estimated
        let fit = try Logistic().fit(reference.series, error: .negativeBinomial, options: options)
        let table = fit.parameterTable(level: 0.8)
        #expect(table.map(\.name) == ["K", "r", "t0", "beta", "theta"])
        #expect(table.map(\.name) == fit.parameterNames)
        let intervals = fit.confidenceIntervals(level: 0.8)
        for row in table {
            #expect(row.value == fit.parameters[row.name])
            #expect(row.standardError == fit.standardErrors[row.name])
            #expect(row.lower == intervals[row.name]?.lower && row.upper == intervals[row.name]?.upper)
            #expect(!row.summary.isEmpty)
        }
        #expect(table[0].description.hasPrefix("K = "))
        #expect(table[0].description.contains("80% interval"))
    }

    @Test func everyCommandLineNameIsOneModel() throws {
        // What `inflow models` lists and `--curve` accepts: the curve families, then log-linear.
        #expect(Set(ModelNames.all).count == ModelNames.all.count)
        for name in ModelNames.curveFamilies {
            let family = try #require(CurveFamilies.named(name))
            #expect(family.name == name)
            guard case .curveFamily(let found) = ModelNames.kind(of: name) else {
                Issue.record("\(name) is not a curve family")
                continue
            }
            #expect(found.name == name)
        }
        #expect(CurveFamilies.named("log-linear") == nil)
        guard case .logLinear = ModelNames.kind(of: "log-linear") else {
            Issue.record("log-linear is not the log-linear model")
            return
        }
        #expect(ModelNames.kind(of: "logistc") == nil)
        // The names the documentation uses.
        for name in ["release", "bass", "exponential", "logistic", "release-lomax"] {
            #expect(CurveFamilies.named(name)?.name == name)
        }
        #expect(ModelNames.all.last == LogLinearModel.name)
    }

    /// The index table of `Guides/CurveFamilies.md` names every model, in the command line's order.
    @Test func theGuideNamesEveryModel() throws {
        let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Guides/CurveFamilies.md")
        let names = try String(contentsOf: guide, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("| `") }
            .compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
        #expect(names == ModelNames.all)
    }

    @Test func fitsPrintTheirTableAndExplainTheSizes() throws {
        var options = FitOptions()
        options.background = .fixed(5)
        let fit = try Logistic().fit(reference.series, error: .negativeBinomial, options: options)
        let text = fit.description
        #expect(text.hasPrefix(fit.summaryTable().description))
        let explanation = try #require(fit.sizeExplanation)
        #expect(text.hasSuffix(explanation))
        #expect(explanation.contains("K = "))
        #expect(explanation.contains("background arrivals (5 a day)"))
        #expect(explanation.contains("95% profile-likelihood"))
        #expect(try ExponentialGrowth().fit(reference.series, error: .poisson).sizeExplanation == nil)
        let glm = try LogLinearModel(basis: .polynomial(degree: 2)).fit(reference.series)
        #expect(glm.description == glm.summaryTable().description)
    }
}

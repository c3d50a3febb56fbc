import ArgumentParser
import Foundation
import Inflow

/// The shared pipeline of `project` and `report`: fit, weigh, project, combine.
struct Analysis {
    let data: LoadedData
    let series: InflowSeries
    let fits: [CurveFit]
    let logLinearFit: LogLinearFit?
    let logLinearProjection: Projection?
    let fitFailures: [(family: String, reason: String)]
    let weights: [Double]
    let projections: [Projection]
    let headline: Projection
    let ensembleMethod: EnsembleMethod
    let backtest: BacktestResult?
    let keyProjections: [(key: String, series: InflowSeries, projection: Projection)]
    let warnings: [String]

    /// Runs the pipeline on the data's total (or its only series).
    static func run(data: LoadedData, models: ModelOptions, run: RunOptions, quiet: Bool) throws -> Analysis {
        let (families, wantsLogLinear) = try models.families()
        let series = data.total ?? data.series[0]
        let keys = data.total == nil ? [] : data.series
        let needsBacktest = run.ensemble == .wis
        let steps = families.count * (needsBacktest ? 3 : 2) + keys.count + 1
        let progress = Progress(total: steps, quiet: quiet)
        defer { progress.finish() }

        var fits: [CurveFit] = []
        var failures: [(String, String)] = []
        var warnings = data.warnings.map(\.description)
        for family in families {
            progress.step("fitting \(family.name)")
            do {
                let fit = try family.fit(series, error: models.error, options: try models.fitOptions(for: family))
                if case .failed(let reason) = fit.status {
                    failures.append((family.name, reason))
                } else {
                    fits.append(fit)
                }
            } catch {
                failures.append((family.name, "\(error)"))
            }
        }
        // The log-linear GLM: fitted and projected (batched bootstrap); it does not level off, so it
        // is shown but gets no ensemble weight unless it is the only model.
        var logLinearFit: LogLinearFit?
        var logLinearProjection: Projection?
        if wantsLogLinear {
            progress.step("fitting log-linear")
            do {
                let fit = try LogLinearModel(basis: try models.parsedBasis(), dayOfWeek: models.dayOfWeek)
                    .fit(series, error: models.error == .gaussian ? .poisson : models.error)
                logLinearFit = fit
                logLinearProjection = try LogLinearProjector.project(fit, options: run.projectionOptions(seriesIndex: 500))
            } catch {
                failures.append((LogLinearModel.name, "\(error)"))
            }
        }
        guard !fits.isEmpty || logLinearProjection != nil else {
            let reasons = failures.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
            throw CommandFailure("no model could be fitted to \(series.name): \(reasons)")
        }

        var backtest: BacktestResult?
        if needsBacktest {
            var combined = BacktestResult()
            for fit in fits {
                progress.step("backtesting \(fit.family.name)")
                let result = Backtest.run(fit.family, error: models.error, series: series, fitOptions: fit.options,
                                          options: BacktestOptions(horizon: min(run.horizon, 7),
                                                                   replicates: min(run.bootstrap, 400),
                                                                   seed: run.seed, threads: run.threads))
                combined.scores += result.scores
                combined.skipped += result.skipped
            }
            backtest = combined
        }

        var projections: [Projection] = []
        for (index, fit) in fits.enumerated() {
            progress.step("projecting \(fit.family.name)")
            projections.append(try CurveProjector.project(fit, options: run.projectionOptions(seriesIndex: index)))
        }

        // Families that do not level off (exponential, generalized growth) can project without bound:
        // they are fitted and shown, but get no weight in an answer to "how many more".
        let unbounded = fits.filter { !$0.family.isBounded }.map(\.family.name)
        if !unbounded.isEmpty {
            warnings.append("\(unbounded.joined(separator: ", ")) can grow without bound and get no weight in the ensemble")
        }
        let weights: [Double]
        switch run.ensemble {
        case .aicc, .none:
            weights = Ensemble.akaikeWeights(fits.map { $0.family.isBounded ? $0.aicc : nil })
        case .wis:
            let overall = backtest?.overall() ?? []
            weights = Ensemble.inverseScoreWeights(fits.map { fit in
                guard fit.family.isBounded else { return nil }
                return overall.first { $0.model == "\(fit.family.name) (\(fit.error.rawValue))" && $0.forecasts > 0 }?.wis
            })
        }
        let headline: Projection
        if fits.isEmpty, let logLinearProjection {
            headline = logLinearProjection
        } else if run.ensemble == .none || weights.allSatisfy({ $0 == 0 }) {
            let best = weights.indices.max { weights[$0] < weights[$1] } ?? 0
            headline = projections[best]
            if run.ensemble == .wis { warnings.append("no model has backtest scores; the best AICc model is used") }
        } else {
            headline = Ensemble.combine(projections, weights: weights,
                                        label: "ensemble (\(run.ensemble == .aicc ? "AICc" : "backtest WIS") weights)")
        }

        // Per key: the model with the largest weight, fitted to each key.
        var keyProjections: [(String, InflowSeries, Projection)] = []
        let bestFamily = fits.isEmpty ? nil : fits[weights.indices.max { weights[$0] < weights[$1] } ?? 0].family
        for (index, key) in keys.enumerated() {
            guard let bestFamily else { break }
            progress.step("projecting \(key.name)")
            do {
                let fit = try bestFamily.fit(key, error: models.error, options: try models.fitOptions(for: bestFamily))
                let projection = try CurveProjector.project(fit, options: run.projectionOptions(seriesIndex: 1000 + index))
                keyProjections.append((key.name, key, projection))
            } catch {
                warnings.append("\(key.name): \(error)")
            }
        }
        for fit in fits {
            warnings += fit.warnings.map { "\(fit.family.name): \($0)" }
        }
        return Analysis(data: data, series: series, fits: fits, logLinearFit: logLinearFit,
                        logLinearProjection: logLinearProjection, fitFailures: failures, weights: weights,
                        projections: projections, headline: headline, ensembleMethod: run.ensemble,
                        backtest: backtest, keyProjections: keyProjections, warnings: warnings)
    }
}

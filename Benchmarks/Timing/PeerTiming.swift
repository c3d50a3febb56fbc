import Foundation
import Inflow

/// Inflow's side of the peer comparison (`peers/compare.py`): `inflow-timing peers DIRECTORY`.
///
/// Reads the inputs `peers/make_data.py` wrote into DIRECTORY and the shared `settings.csv` (repetitions, warm-up
/// calls, tolerances: the same numbers `peers.R` and `compare.py` read), runs each job `warm-up` times untimed and then
/// `repetitions` times, each call timed on the monotonic clock, and prints one JSON line per job: the median
/// seconds, the estimates (in the peers' parameterisation: GLM coefficients; K, r, t0, log theta) and the objective
/// values, so the driver can check that every side found the same optimum. One thread: `BLAS.setThreadCount(1)`
/// (and the driver sets `OPENBLAS_NUM_THREADS=1`).
///
/// `INFLOW_TIMING_ONLY` (comma-separated job names, as printed) runs only those jobs.
struct PeerTiming {
    let data: PeerData
    let settings: [String: Double]

    init(directory: String) throws {
        data = PeerData(directory: URL(fileURLWithPath: directory))
        settings = try data.settings()
    }

    func setting(_ name: String) -> Double {
        guard let value = settings[name] else { fatalError("settings.csv has no \(name)") }
        return value
    }

    var smallRepetitions: Int { Int(setting("repetitions_small")) }
    var smallWarmUp: Int { Int(setting("warmup_small")) }
    var largeRepetitions: Int { Int(setting("repetitions_large")) }
    var largeWarmUp: Int { Int(setting("warmup_large")) }

    /// Prints one job's JSON line.
    func emit(_ job: String, seconds: Double, repetitions: Int, estimates: [Double], objectives: [Double],
              converged: Int, detail: String) {
        let numbers = { (values: [Double]) in "[" + values.map(jsonNumber).joined(separator: ", ") + "]" }
        print("{\"job\": \"\(job)\", \"side\": \"inflow\", \"seconds\": \(seconds), \"repetitions\": \(repetitions), "
              + "\"estimates\": \(numbers(estimates)), \"objectives\": \(numbers(objectives)), "
              + "\"converged\": \(converged), \"detail\": \"\(detail)\"}")
    }

    /// The design `[1, t, t^2]` on days `0..<n` (raw powers, as `LogLinearModel(basis: .polynomial(degree: 2))`), or
    /// `[1, x, x^2]` with `x = t / (n - 1)` when `scaled`.
    static func quadraticDesign(days n: Int, scaled: Bool) -> Matrix {
        Matrix(rowMajor: (0..<n).map { t in
            let x = scaled ? Double(t) / Double(n - 1) : Double(t)
            return [1, x, x * x]
        })
    }

    /// The Poisson log-likelihood of `y` at means `mu`, every constant kept.
    static func poissonLogLikelihood(_ y: [Double], _ mu: [Double]) -> Double {
        zip(y, mu).reduce(0) { $0 + SpecialFunctions.logPoissonProbability($1.0, mean: $1.1) }
    }

    static func simd(_ values: [Double]) -> SIMD8<Double> {
        var vector = SIMD8<Double>.zero
        for (j, value) in values.enumerated() { vector[j] = value }
        return vector
    }

    func run() throws {
        BLAS.setThreadCount(1)
        let nine = try data.counts("nine.csv"), sixty = try data.counts("sixty.csv")
        let irls = IRLS.Options(maximumIterations: Int(setting("irls_maxit")), tolerance: setting("irls_tolerance"))

        // 1. One Poisson GLM, nine days, log mu = b0 + b1 t + b2 t^2: IRLS (as R's glm.fit), and the whole
        //    LogLinearModel fit (IRLS plus standard errors and log-likelihood).
        if selected("poisson-glm-9") {
            let design = Self.quadraticDesign(days: nine.count, scaled: false)
            var summary: IRLS.Summary?
            let seconds = try median(smallRepetitions, warmUp: smallWarmUp) {
                summary = try IRLS.fit(design: design, response: nine, family: PoissonLogFamily(), options: irls)
            }
            // One of its weighted least-squares solves alone (R's counterpart, C_Cdqrls, is timed in peers.R).
            let weights = summary!.workingWeights
            let solve = try median(smallRepetitions, warmUp: smallWarmUp) {
                _ = try LeastSquares.solve(design: design, response: nine, weights: weights)
            }
            emit("poisson-glm-9", seconds: seconds, repetitions: smallRepetitions, estimates: summary!.coefficients,
                 objectives: [Self.poissonLogLikelihood(nine, summary!.fittedMeans)],
                 converged: summary!.isConverged ? 1 : 0,
                 detail: "IRLS.fit, \(summary!.iterations) iterations + 1 final solve; one LeastSquares.solve 9 x 3: "
                    + String(format: "%.1f us", solve * 1e6))
        }
        let nineSeries = InflowSeries(kind: .counts, days: (0..<nine.count).map(Double.init), values: nine)
        let sixtySeries = InflowSeries(kind: .counts, days: (0..<sixty.count).map(Double.init), values: sixty)
        let quadratic = LogLinearModel(basis: .polynomial(degree: 2))
        if selected("poisson-glm-9-model") {
            var fit: LogLinearFit?
            let seconds = try median(smallRepetitions, warmUp: smallWarmUp) { fit = try quadratic.fit(nineSeries, error: .poisson) }
            emit("poisson-glm-9-model", seconds: seconds, repetitions: smallRepetitions, estimates: fit!.coefficients,
                 objectives: [fit!.logLikelihood ?? .nan], converged: fit!.status.isConverged ? 1 : 0,
                 detail: "LogLinearModel.fit (adds standard errors, log-likelihood)")
        }

        // 2. NB2 GLM, nine days: theta by maximum likelihood alternating with IRLS (as MASS::glm.nb).
        if selected("nb2-glm-9") {
            var fit: LogLinearFit?
            let seconds = try median(smallRepetitions, warmUp: smallWarmUp) {
                fit = try quadratic.fit(nineSeries, error: .negativeBinomial)
            }
            emit("nb2-glm-9", seconds: seconds, repetitions: smallRepetitions,
                 estimates: fit!.coefficients + [log(fit!.theta ?? .nan)], objectives: [fit!.logLikelihood ?? .nan],
                 converged: fit!.status.isConverged ? 1 : 0, detail: "LogLinearModel.fit, negative binomial")
        }

        // 3. Logistic daily counts by least squares, nine days: Levenberg-Marquardt on the residuals.
        var leastSquares = LevenbergMarquardt.Options()
        leastSquares.functionTolerance = setting("ls_ftol")
        leastSquares.parameterTolerance = setting("ls_xtol")
        leastSquares.gradientTolerance = setting("ls_gtol")
        leastSquares.initialStepBound = setting("ls_factor")
        leastSquares.maximumIterations = Int(setting("ls_maxiter"))
        if selected("ls-logistic-9") {
            let problem = LogisticIncidenceResiduals(counts: nine)
            let start = Self.simd(Array(try data.start("nine").prefix(3)))
            var summary: LevenbergMarquardt.Summary?
            let seconds = median(smallRepetitions, warmUp: smallWarmUp) {
                summary = LevenbergMarquardt.minimize(problem, from: start, options: leastSquares)
            }
            let s = summary!
            emit("ls-logistic-9", seconds: seconds, repetitions: smallRepetitions,
                 estimates: (0..<3).map { s.parameters[$0] }, objectives: [2 * s.finalObjective],
                 converged: s.isConverged ? 1 : 0, detail: "LevenbergMarquardt, \(s.iterations) iterations, \(s.status)")
        }

        // 4. Logistic NB2 by maximum likelihood, 9 and 60 days, from the same start on every side.
        for (name, series, counts) in [("9", nineSeries, nine), ("60", sixtySeries, sixty)] {
            let startValues = try data.start(name == "9" ? "nine" : "sixty")
            let prepared = series.prepared()
            // 4a. The solver alone: Levenberg-Marquardt on the NB2 likelihood from the 4-vector start (the refit path:
            //     no Poisson stage, no covariance), the fit's bounds and default curve tolerances.
            if selected("nb2-logistic-\(name)-solver") {
                let fit = try Logistic().fit(prepared, error: .negativeBinomial)
                let refitter = fit.refitter()
                let workspace = refitter.makeWorkspace()
                let start = Self.simd(startValues)
                var summary: LevenbergMarquardt.Summary?
                let seconds = median(smallRepetitions, warmUp: smallWarmUp) {
                    summary = refitter.refit(counts, from: start, options: fit.solverOptions, workspace: workspace)
                }
                let s = summary!
                emit("nb2-logistic-\(name)-solver", seconds: seconds, repetitions: smallRepetitions,
                     estimates: (0..<4).map { s.parameters[$0] }, objectives: [-s.finalObjective],
                     converged: s.isConverged ? 1 : 0,
                     detail: "LevenbergMarquardt on CurveLikelihood, \(s.iterations) iterations, \(s.objectiveEvaluations) objective "
                    + "and \(s.derivativeEvaluations) derivative evaluations, \(s.status)")
            }
            // 4b. The single-start fit a user calls: Poisson stage from the given start, NB2 from its optimum with the
            //     moment theta, then the observed-information covariance.
            if selected("nb2-logistic-\(name)-single") {
                let options = FitOptions(start: ["K": startValues[0], "r": startValues[1], "t0": startValues[2],
                                                 "theta": exp(startValues[3])], multiStart: false)
                var fit: CurveFit?
                let seconds = try median(smallRepetitions, warmUp: smallWarmUp) {
                    fit = try Logistic().fit(prepared, error: .negativeBinomial, options: options)
                }
                emit("nb2-logistic-\(name)-single", seconds: seconds, repetitions: smallRepetitions,
                     estimates: (0..<4).map { fit!.vector[$0] }, objectives: [fit!.logLikelihood ?? .nan],
                     converged: fit!.status.isConverged ? 1 : 0,
                     detail: "Logistic().fit, multiStart false, observed covariance")
            }
            // 4c. The default fit: every data-driven start (multi-start), observed covariance.
            if selected("nb2-logistic-\(name)-multi") {
                var fit: CurveFit?
                let seconds = try median(smallRepetitions, warmUp: smallWarmUp) {
                    fit = try Logistic().fit(prepared, error: .negativeBinomial)
                }
                emit("nb2-logistic-\(name)-multi", seconds: seconds, repetitions: smallRepetitions,
                     estimates: (0..<4).map { fit!.vector[$0] }, objectives: [fit!.logLikelihood ?? .nan],
                     converged: fit!.status.isConverged ? 1 : 0,
                     detail: "Logistic().fit default, \(fit!.startsTried) starts")
            }
        }

        // 5. 1,000 Poisson GLMs of 60 days sharing the design [1, x, x^2], x = t / 59: one IRLS fit after another.
        let poissonMany = try data.rows("poisson-many.csv")
        let manyDesign = Self.quadraticDesign(days: poissonMany[0].count, scaled: true)
        if selected("poisson-glm-1000") {
            var summaries: [IRLS.Summary] = []
            let seconds = try median(largeRepetitions, warmUp: largeWarmUp) {
                summaries = []
                summaries.reserveCapacity(poissonMany.count)
                for response in poissonMany {
                    summaries.append(try IRLS.fit(design: manyDesign, response: response, family: PoissonLogFamily(), options: irls))
                }
            }
            emit("poisson-glm-1000", seconds: seconds, repetitions: largeRepetitions,
                 estimates: summaries.flatMap(\.coefficients),
                 objectives: zip(poissonMany, summaries).map { Self.poissonLogLikelihood($0, $1.fittedMeans) },
                 converged: summaries.count(where: \.isConverged),
                 detail: "IRLS.fit per series, \(summaries.reduce(0) { $0 + $1.iterations }) iterations in all")
        }
        // 5b. The same 1,000 fits as one batch (BatchedGLM: the series' Gram matrices by dgemm, chunk by chunk), with
        //     the same start, deviance test and tolerance as IRLS.fit; standard errors included (R's glm.fit returns
        //     the QR they come from).
        if selected("poisson-glm-1000-batched") {
            let n = poissonMany[0].count
            let responses = Matrix(rows: n, columns: poissonMany.count, columnMajor: poissonMany.flatMap { $0 })
            let batch = try BatchedGLM(design: manyDesign)
            let options = BatchedGLM.Options(maximumIterations: irls.maximumIterations, tolerance: irls.tolerance, threads: 1)
            var result: BatchedGLM.Result?
            let seconds = try median(largeRepetitions, warmUp: largeWarmUp) {
                result = try batch.fit(responses: responses, family: .poisson, options: options)
            }
            let fits = result!
            let logLikelihoods = (0..<fits.seriesCount).map { s -> Double in
                let b = fits.coefficients(of: s)
                let mu = (0..<n).map { i in exp(b[0] + b[1] * manyDesign[i, 1] + b[2] * manyDesign[i, 2]) }
                return Self.poissonLogLikelihood(poissonMany[s], mu)
            }
            emit("poisson-glm-1000-batched", seconds: seconds, repetitions: largeRepetitions,
                 estimates: (0..<fits.seriesCount).flatMap { fits.coefficients(of: $0) }, objectives: logLikelihoods,
                 converged: fits.convergedSeries.count,
                 detail: "BatchedGLM.fit, one call, threads 1, \(fits.iterations.reduce(0, +)) series-iterations in all")
        }

        // 6. 1,000 logistic series of 60 days by least squares, each from its data-driven start.
        if selected("ls-logistic-1000") {
            let rows = try data.rows("logistic-many.csv")
            let problems = rows.map { LogisticIncidenceResiduals(counts: Array($0.dropFirst(3))) }
            let starts = rows.map { Self.simd(Array($0.prefix(3))) }
            var summaries: [LevenbergMarquardt.Summary] = []
            let seconds = median(largeRepetitions, warmUp: largeWarmUp) {
                summaries = []
                summaries.reserveCapacity(problems.count)
                for (problem, start) in zip(problems, starts) {
                    summaries.append(LevenbergMarquardt.minimize(problem, from: start, options: leastSquares))
                }
            }
            emit("ls-logistic-1000", seconds: seconds, repetitions: largeRepetitions,
                 estimates: summaries.flatMap { s in (0..<3).map { s.parameters[$0] } },
                 objectives: summaries.map { 2 * $0.finalObjective }, converged: summaries.count(where: \.isConverged),
                 detail: "LevenbergMarquardt per series, \(summaries.reduce(0) { $0 + $1.iterations }) iterations, "
                    + "\(summaries.reduce(0) { $0 + $1.objectiveEvaluations }) objective and "
                    + "\(summaries.reduce(0) { $0 + $1.derivativeEvaluations }) derivative evaluations in all")
        }

        // 7. B = 1,000 bootstrap refits of the 60-day logistic NB2 fit, on the replicate counts every side reads, each
        //    from the same estimate, with CurveProjector's refit tolerances (function 1e-10, step 1e-8).
        let sixtyPrepared = sixtySeries.prepared()
        if selected("bootstrap-refits") {
            let fit = try Logistic().fit(sixtyPrepared, error: .negativeBinomial)
            let replicates = try data.rows("bootstrap.csv")
            let start = Self.simd(try data.rows("bootstrap-start.csv")[0])
            var options = fit.solverOptions
            options.functionTolerance = max(options.functionTolerance, setting("refit_ftol"))
            options.parameterTolerance = max(options.parameterTolerance, setting("refit_xtol"))
            options.gradientTolerance = setting("refit_gtol")
            let refitter = fit.refitter()
            let workspace = refitter.makeWorkspace()
            var summaries: [LevenbergMarquardt.Summary] = []
            let seconds = median(largeRepetitions, warmUp: largeWarmUp) {
                summaries = []
                summaries.reserveCapacity(replicates.count)
                for counts in replicates {
                    summaries.append(refitter.refit(counts, from: start, options: options, workspace: workspace))
                }
            }
            emit("bootstrap-refits", seconds: seconds, repetitions: largeRepetitions,
                 estimates: summaries.flatMap { s in (0..<4).map { s.parameters[$0] } },
                 objectives: summaries.map { -$0.finalObjective }, converged: summaries.count(where: \.isConverged),
                 detail: "CurveRefitter.refit per replicate, \(summaries.reduce(0) { $0 + $1.iterations }) iterations, "
                    + "\(summaries.reduce(0) { $0 + $1.objectiveEvaluations }) objective and "
                    + "\(summaries.reduce(0) { $0 + $1.derivativeEvaluations }) derivative evaluations in all")
        }
        // 7b. The whole bootstrap projection, as `inflow project` runs it: replicate data with the n / (n - k) inflation
        //     of the NB2 excess variance, refits, 30 future days drawn per replicate, one thread.
        if selected("bootstrap-projection") {
            let fit = try Logistic().fit(sixtyPrepared, error: .negativeBinomial)
            var projection: Projection?
            let seconds = try median(largeRepetitions, warmUp: largeWarmUp) {
                projection = try CurveProjector.project(fit, options: ProjectionOptions(horizon: 30, replicates: 1000,
                                                                                         seed: 1, threads: 1))
            }
            let sizes = projection!.finalSizes.filter(\.isFinite).sorted()
            emit("bootstrap-projection", seconds: seconds, repetitions: largeRepetitions,
                 estimates: [sizes[sizes.count / 2]], objectives: [],
                 converged: 1000 - projection!.nonConvergedReplicates - projection!.failedReplicates,
                 detail: "CurveProjector.project, horizon 30, B 1000, threads 1; estimate: median final size")
        }
    }
}

import InflowCore
import Foundation
import InflowModels
import InflowProjection

extension ReportBuilder {
    /// A status in one or two words.
    static func statusWord(_ status: FitStatus) -> String {
        switch status {
        case .converged: "converged"
        case .notConverged: "not converged"
        case .nonIdentifiable: "not identifiable"
        case .failed: "failed"
        }
    }

    /// How the ensemble weights were made, in words.
    var ensembleDescription: String {
        switch input.ensembleMethod {
        case .stacking: "stacking weights (the mixture with the lowest backtest CRPS)"
        case .aicc: "Akaike weights from AICc"
        case .wis: "inverse backtest WIS weights"
        case .none: "no ensemble (a single model)"
        }
    }

    /// AICc, weights, final sizes and backtest scores per model; parameter estimates.
    func modelComparisonSection() -> ReportSection {
        guard !input.fits.isEmpty || input.logLinearFit != nil else {
            return ReportSection(.modelComparison, blocks: [.paragraph("No model was fitted.")])
        }
        let hasScores = !(input.backtest?.scores.isEmpty ?? true)
        let observationCounts = Set(input.fits.map(\.observationCount))
        var criteria = input.fits.compactMap(\.aicc).filter(\.isFinite)
        if let logLinear = input.logLinearFit, let aicc = logLinear.aicc, aicc.isFinite,
           observationCounts.contains(logLinear.observationCount) {
            criteria.append(aicc)
        }
        let best = criteria.min()
        func delta(_ aicc: Double?) -> String {
            guard let aicc, aicc.isFinite, let best else { return ReportFormat.missing }
            return ReportFormat.number(aicc - best, digits: 2)
        }
        func weight(_ model: ModelID) -> String {
            if let into = input.mergedModels[model] { return "merged into \(into.family)" }
            return input.modelWeights[model].map { ReportFormat.number($0, digits: 3) } ?? ReportFormat.missing
        }
        let hasCRPS = !input.backtestCRPS.isEmpty
        func crpsCell(_ model: ModelID) -> [String] {
            guard hasCRPS else { return [] }
            return [input.backtestCRPS[model].map { ReportFormat.adaptive($0) } ?? ReportFormat.missing]
        }

        let ordered = input.fits.sorted { ($0.aicc ?? .infinity) < ($1.aicc ?? .infinity) }
        let sizes = CurveFit.finalSizes(of: ordered, level: 0.9, threads: input.threads)
        var rows: [[String]] = zip(ordered, sizes).map { fit, size in
            let label = fit.id
            let bound = size.sizeBound(observed: fit.observedSoFar)
            let sizeText: String
            switch bound {
            case _ where !fit.family.isBounded: sizeText = "unbounded"
            case .interval(let lower, let upper):
                sizeText = "\(ReportFormat.count(size.value)) (\(ReportFormat.countInterval(lower, upper)))"
            case .atLeast(let lower): sizeText = "not determined (at least \(ReportFormat.count(lower)))"
            }
            return [fit.family.name, Self.statusWord(fit.status),
                    fit.aicc.map { ReportFormat.number($0, digits: 2) } ?? ReportFormat.missing, delta(fit.aicc)]
                + crpsCell(label) + [weight(label), sizeText]
        }
        if let logLinear = input.logLinearFit {
            let label = logLinear.id
            let comparable = observationCounts.isEmpty || observationCounts.contains(logLinear.observationCount)
            rows.append([LogLinearModel.name, Self.statusWord(logLinear.status),
                         logLinear.aicc.map { ReportFormat.number($0, digits: 2) } ?? ReportFormat.missing,
                         comparable ? delta(logLinear.aicc) : ReportFormat.missing] + crpsCell(label)
                        + [weight(label), "unbounded"])
        }
        let header = ["Model", "Status", "AICc", "ΔAICc"] + (hasCRPS ? ["Backtest CRPS"] : [])
            + ["Weight", "Final size (90% interval)"]
        let alignments: [ReportTable.Alignment] = [.left, .left, .right, .right] + (hasCRPS ? [.right] : [])
            + [.right, .right]
        let errors = Set(input.fits.map(\.error.rawValue)).sorted().joined(separator: ", ")
        var blocks: [ReportBlock] = [.table(ReportTable(caption: "Models (\(errors) errors), best AICc first",
                                                        header: header, alignments: alignments, rows: rows))]
        var text = "AICc is Akaike's criterion with the small-sample correction (lower is better; differences "
            + "under 2 are not meaningful). Final sizes are the fitted curves' limits with 90% confidence intervals "
            + "(profile likelihood where the family has a final-size parameter, else the delta method); they describe "
            + "the mean curve, not new counts."
        // Why an AICc is missing (too few observations for its correction, or no likelihood), in place of a bare dash.
        let missingAICc = input.fits.compactMap { fit in fit.aiccUnavailableReason.map { "\(fit.family.name): \($0)" } }
            + (input.logLinearFit?.aiccUnavailableReason.map { ["\(LogLinearModel.name): \($0)"] } ?? [])
        if !missingAICc.isEmpty {
            text += " No AICc (\(ReportFormat.missing)) for " + missingAICc.joined(separator: "; ") + "."
        }
        if !hasScores {
            text += " No backtest was run, so there are no scores."
        }
        blocks.append(.paragraph(text))
        blocks.append(.paragraph("Ensemble: \(ensembleDescription)."
            + (input.projections.keys.contains(where: \.isEnsemble)
                ? " The ensemble pools the models' predictive samples in proportion to their weights." : "")
            + (hasCRPS ? " Backtest CRPS is each model's mean continuous ranked probability score over the backtest "
                + "figures every weighted model forecast (lower is better)." : "")))
        if !input.weightNotes.isEmpty {
            blocks.append(.list(input.weightNotes.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }))
        }

        var parameterRows: [[String]] = []
        for fit in input.fits {
            let intervals = fit.confidenceIntervals(level: 0.9)
            for (index, name) in fit.parameterNames.enumerated() {
                let value = fit.estimates[index]
                let se = fit.standardErrors[name] ?? .nan
                let interval = intervals[name].map { interval -> String in
                    if interval.lower.isFinite && interval.upper == .infinity {
                        return "\(ReportFormat.undetermined) (at least \(ReportFormat.adaptive(interval.lower)))"
                    }
                    if interval.upper.isFinite && interval.lower == -.infinity {
                        return "\(ReportFormat.undetermined) (at most \(ReportFormat.adaptive(interval.upper)))"
                    }
                    return interval.lower.isFinite && interval.upper.isFinite
                        ? "\(ReportFormat.adaptive(interval.lower)) to \(ReportFormat.adaptive(interval.upper))" : ReportFormat.missing
                } ?? ReportFormat.missing
                if fit.fixed[index] {
                    parameterRows.append([fit.id.description, name, ReportFormat.adaptive(value), "fixed", "fixed"])
                } else if fit.isAtBound(index) {
                    parameterRows.append([fit.id.description, name, ReportFormat.adaptive(value), "at its bound", ReportFormat.missing])
                } else if name == fit.family.finalSizeParameter, let wald = intervals[name],
                          case .atLeast(let lower) = SizeBound(lower: wald.lower, upper: wald.upper, observed: fit.observedSoFar) {
                    parameterRows.append([fit.id.description, name, ReportFormat.adaptive(value), ReportFormat.undetermined,
                                          SizeBound.atLeast(lower).description])
                } else {
                    parameterRows.append([fit.id.description, name, ReportFormat.adaptive(value), ReportFormat.adaptive(se),
                                          se.isFinite ? interval : ReportFormat.undetermined])
                }
            }
        }
        if !parameterRows.isEmpty {
            blocks.append(.table(ReportTable(
                caption: "Parameter estimates (times in days since the series origin; intervals on the log scale for positive "
                    + "parameters and the logit scale for shares, so that they stay in range)",
                header: ["Model", "Parameter", "Estimate", "Standard error", "90% Wald interval"],
                alignments: [.left, .left, .right, .right, .right], rows: parameterRows)))
        }
        return ReportSection(.modelComparison, blocks: blocks)
    }

    /// Backtest scores by model and horizon, with a chart of WIS by horizon.
    func backtestSection() -> ReportSection {
        guard let backtest = input.backtest, !backtest.scores.isEmpty || !backtest.skipped.isEmpty else {
            return ReportSection(.backtest, blocks: [.paragraph(
                "No backtest was run. A rolling-origin backtest refits each model on the data up to each past report "
                + "and scores its projection against the figures that followed.")])
        }
        let summaries = backtest.byHorizon()
        let rows = summaries.map { s in
            [s.model.description, s.horizon.map(String.init) ?? "all", String(s.forecasts), ReportFormat.adaptive(s.wis),
             ReportFormat.adaptive(s.absoluteError), ReportFormat.number(s.bias, digits: 2),
             ReportFormat.percent(s.coverage50), ReportFormat.percent(s.coverage90)]
        }
        var blocks: [ReportBlock] = [.table(ReportTable(
            caption: "Scores by model and horizon",
            header: ["Model", "Horizon (days)", "Forecasts", "WIS", "Abs. error of median", "Bias", "50% coverage",
                     "90% coverage"],
            alignments: [.left, .right, .right, .right, .right, .right, .right, .right], rows: rows))]
        let series = backtest.models.enumerated().compactMap { index, model -> ChartSeries? in
            let points = summaries.filter { $0.model == model && $0.forecasts > 0 && $0.wis.isFinite }
                .compactMap { s in s.horizon.map { ChartPoint(x: Double($0), y: s.wis) } }
            return points.isEmpty ? nil
                : ChartSeries(name: model.description, legendLabel: model.description, kind: .linePoints, color: .model(index), points: points)
        }
        let worst = summaries.filter { $0.wis.isFinite && $0.forecasts > 0 }.max { $0.wis < $1.wis }
        let chart = Chart(
            title: "Backtest: weighted interval score by horizon",
            xAxis: ChartAxis(label: "Horizon", unit: "days after the forecast origin", integerTicks: true),
            yAxis: ChartAxis(label: "Mean WIS", unit: "arrivals"),
            series: series,
            summary: worst.map { "The largest mean WIS, \(ReportFormat.adaptive($0.wis)), is that of \($0.model) at "
                + "\($0.horizon.map(String.init) ?? "all") days." } ?? "No forecast could be scored.",
            notes: ["Lower is better. WIS is in the units of the scored figures (cumulative totals for cumulative data)."])
        blocks.append(.chart(chart))
        blocks.append(.paragraph("Bias is the count bias in [−1, 1] (positive: forecasts too high). Coverage is the "
                                 + "share of later figures inside the central interval."))
        if !backtest.skipped.isEmpty {
            let items = backtest.skipped.prefix(20).map {
                "\($0.model), origin \(ReportFormat.shortDateTime($0.origin, timeZone: timeZone)): \($0.reason)"
            }
            blocks.append(.paragraph("Origins that could not be scored:"))
            blocks.append(.list(items + (backtest.skipped.count > 20 ? ["… and \(backtest.skipped.count - 20) more"] : [])))
        }
        return ReportSection(.backtest, blocks: blocks)
    }

    /// Every node of the keys' hierarchy in a table (arrivals so far, next 7 and 30 days, share of the next 7
    /// days, pooling), a note of the keys shrunk most, and one small chart per key on a shared scale; a sentence
    /// when there are no keys.
    func keysSection() -> ReportSection {
        let title = "Per-\(input.keyName) projections"
        guard !input.keyed.isEmpty else {
            let text = input.provincial?.fit.counts != nil
                ? "The data's keys were read as province-level counts for the split by province of origin (next section), not as a hierarchy."
                : "The data have no \(input.keyName) column, so there are no per-\(input.keyName) projections."
            return ReportSection(id: ReportSectionID.provinces.rawValue, title: title, blocks: [.paragraph(text)])
        }
        var rows: [[String]] = []
        var shrunk: [String] = []
        let showsMinTrace = input.keyed.values.contains { $0.minTraceMeans != nil }
        for key in input.keyOrder {
            guard let keyed = input.keyed[key] else { continue }
            let projection = keyed.projection
            let next7 = projection.arrivals(overFirst: min(7, projection.periods))
            let next30 = projection.arrivals(overFirst: min(30, projection.periods))
            let share = keyed.share.map { summary -> String in
                guard let (lower, upper) = summary.interval(0.9) else { return ReportFormat.percent(summary.median) }
                return "\(ReportFormat.percent(summary.median)) (\(ReportFormat.percent(lower))–\(ReportFormat.percent(upper)))"
            } ?? "–"
            let pooling = keyed.poolingFactor.map { String(format: "%.2f", $0) } ?? "–"
            var row = [key, keyed.location == key ? "–" : keyed.location, ReportFormat.count(projection.observedTotal),
                       Self.medianWithInterval(next7), share, Self.medianWithInterval(next30), pooling]
            if showsMinTrace {
                row.append(keyed.minTraceMeans.map { ReportFormat.count($0.prefix(7).reduce(0, +)) } ?? "–")
            }
            rows.append(row)
            if let factor = keyed.poolingFactor, factor >= Self.notableShrinkage { shrunk.append("\(key) (\(String(format: "%.2f", factor)))") }
        }
        let capitalised = input.keyName.prefix(1).uppercased() + input.keyName.dropFirst()
        var header = [capitalised, "ISO code", "So far", "Next 7 days", "Share of next 7 days", "Next 30 days", "Pooling"]
        if showsMinTrace { header.append("Next 7 days, MinT mean") }
        var blocks: [ReportBlock] = input.hierarchyNotes.map { ReportBlock.paragraph($0) }
        blocks.append(.table(ReportTable(
            caption: "Every level from the same joint samples: medians with 90% intervals",
            header: header, alignments: [.left, .left] + Array(repeating: .right, count: header.count - 2),
            rows: rows)))
        blocks.append(.paragraph("Pooling is how far a \(input.keyName)'s size was pulled towards the common level: 0 not at "
                                 + "all, 1 wholly. The ISO code is the \(input.keyName)'s in ISO 3166-2 where the gazetteer knows it."))
        blocks.append(.note(ReportNote(.info, shrunk.isEmpty
            ? "No \(input.keyName) was shrunk much (every pooling factor is below \(String(format: "%.1f", Self.notableShrinkage))): each one's own arrivals decide its size."
            : "Shrunk towards the other \(input.keyName)s' level, because their own arrivals say little: \(shrunk.joined(separator: ", ")).")))
        let (charts, maximum) = keyCharts()
        if !charts.isEmpty {
            blocks.append(.paragraph("Daily arrivals by \(input.keyName), with the projected median and 90% interval, all on one scale "
                                     + "(up to \(ReportFormat.count(maximum)) a day) so that the charts compare."))
            blocks.append(.smallMultiples(charts))
        }
        return ReportSection(id: ReportSectionID.provinces.rawValue, title: title, blocks: blocks)
    }

    /// A pooling factor from which the report names a key as shrunk.
    static let notableShrinkage = 0.2

    /// Every warning, each fit's status and the bootstrap replicates that did not converge or failed.
    func diagnosticsSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        var seen = Set<String>()
        var warnings: [String] = []
        func add(_ text: String) { if seen.insert(text).inserted { warnings.append(text) } }
        input.warnings.forEach(add)
        input.observed.prepared().warnings.map(\.message).forEach { add("Data: \($0)") }
        for fit in input.fits {
            fit.warnings.forEach { add("\(fit.id.description): \($0)") }
        }
        if let logLinear = input.logLinearFit {
            logLinear.warnings.forEach { add("\(logLinear.id.description): \($0)") }
        }
        if warnings.isEmpty {
            blocks.append(.paragraph("No warnings: the data needed no correction and every step ran as expected."))
        } else {
            blocks.append(.paragraph("\(warnings.count) warning\(warnings.count == 1 ? "" : "s"):"))
            blocks += warnings.map { .note(ReportNote(.warning, $0)) }
        }

        var fitRows: [[String]] = input.fits.map { fit in
            [fit.id.description, fit.status.description, String(fit.observationCount), String(fit.startsTried),
             String(fit.warnings.count)]
        }
        if let logLinear = input.logLinearFit {
            fitRows.append([logLinear.id.description, logLinear.status.description,
                            String(logLinear.observationCount), "1", String(logLinear.warnings.count)])
        }
        if !fitRows.isEmpty {
            blocks.append(.table(ReportTable(caption: "Fit status",
                                             header: ["Model", "Status", "Observations", "Starts tried", "Warnings"],
                                             alignments: [.left, .left, .right, .right, .right], rows: fitRows)))
        }
        let unconverged = input.fits.filter { !$0.status.isConverged }
        for fit in unconverged {
            blocks.append(.note(ReportNote(.warning,
                "The \(fit.id.description) fit is \(fit.status.description); treat its numbers with care.")))
        }

        var replicateRows: [[String]] = input.projectionOrder.compactMap { name in
            input.projections[name].map { [label(name), String($0.replicates), String($0.nonConvergedReplicates),
                                           String($0.failedReplicates)] }
        }
        for key in input.keyOrder {
            if let keyed = input.keyed[key] {
                replicateRows.append(["\(key): \(label(keyed.projection.model))", String(keyed.projection.replicates),
                                      String(keyed.projection.nonConvergedReplicates),
                                      String(keyed.projection.failedReplicates)])
            }
        }
        if !replicateRows.isEmpty {
            blocks.append(.table(ReportTable(
                caption: "Bootstrap replicates",
                header: ["Projection", "Replicates", "Not converged (kept)", "Failed (left out)"],
                alignments: [.left, .right, .right, .right], rows: replicateRows)))
        }
        if let skipped = input.backtest?.skipped.count, skipped > 0 {
            blocks.append(.paragraph("\(skipped) backtest origin\(skipped == 1 ? " was" : "s were") skipped (see the backtest section)."))
        }
        return ReportSection(.diagnostics, blocks: blocks)
    }

    /// Where the data came from and what they cover.
    func provenanceSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        var intro = "Dataset: \(input.datasetName)."
        if let source = input.dataSource { intro += " Source file: \(source)." }
        blocks.append(.paragraph(intro))
        if input.provenance.isEmpty {
            blocks.append(.note(ReportNote(.info, "The data file states no provenance.")))
        } else {
            blocks.append(.paragraph("As stated in the data file:"))
            blocks.append(.list(input.provenance))
        }
        let series = input.observed
        let present = series.times.indices.filter { series.values[$0] != nil }.map { series.times[$0] }.sorted()
        var rows: [[String]] = [
            ["Series", series.name],
            ["Observations", "\(series.kind.rawValue) (\(present.count) of \(series.count) rows with a value)"],
        ]
        if let first = present.first, let last = present.last {
            rows.append(["Dates covered", "\(ReportFormat.dateTime(first, timeZone: timeZone)) to "
                         + "\(ReportFormat.dateTime(last, timeZone: timeZone))"])
        }
        if series.kind != .level {
            rows.append(["Counting from", series.cumulativeCountsFromOrigin
                         ? ReportFormat.dateTime(series.origin, timeZone: timeZone)
                         : "the first report (its total is the baseline)"])
        }
        rows.append(["Time zone", "\(timeZone.identifier) (\(utcOffset))"])
        if !input.keyed.isEmpty {
            rows.append([input.keyName.prefix(1).uppercased() + input.keyName.dropFirst() + " series",
                         String(input.keyed.count)])
        }
        blocks.append(.table(ReportTable(caption: "Coverage", header: ["Item", "Value"], rows: rows)))
        return ReportSection(.provenance, blocks: blocks)
    }

    /// Models, formulas, bootstrap settings, seed, version and generation time.
    func methodSection() -> ReportSection {
        var formulas: [String] = []
        var seenFamilies = Set<String>()
        for fit in input.fits where seenFamilies.insert(fit.family.name).inserted {
            formulas.append("\(fit.family.title): \(fit.family.formula)")
        }
        if input.logLinearFit != nil { formulas.append("Log-linear: \(LogLinearModel.formula)") }
        let errors = Array(Set(input.fits.map(\.error.rawValue) + [input.logLinearFit?.error.rawValue].compactMap { $0 }))
            .sorted()
        let rows: [[String]] = [
            ["Models", input.fits.map(\.id.description).joined(separator: ", ")
                + (input.logLinearFit.map { (input.fits.isEmpty ? "" : ", ") + $0.id.description } ?? "")],
            ["Error families", errors.isEmpty ? ReportFormat.missing : errors.joined(separator: ", ")],
            ["Headline projection", headlineName.map(label) ?? ReportFormat.missing],
            ["Ensemble", ensembleDescription],
            ["Bootstrap", input.bootstrapMethod.description],
            ["Replicates", ReportFormat.count(Double(input.replicates))],
            ["Seed", String(input.seed)],
            ["Horizon", "\(input.horizon) days"],
            ["Intervals", "central 90% (and 50%) intervals of predictive samples"],
            ["Tool version", input.toolVersion],
            ["Generated", "\(ReportFormat.iso8601(input.generatedAt)) (\(ReportFormat.dateTime(input.generatedAt, timeZone: timeZone)) \(utcOffset))"],
        ]
        var blocks: [ReportBlock] = []
        if !formulas.isEmpty {
            blocks.append(.paragraph("Curve formulas (C is cumulative arrivals, t days since the origin):"))
            blocks.append(.list(formulas))
        }
        blocks.append(.paragraph(
            "Each curve is fitted by maximum likelihood to the counts between reports. Projections use a bootstrap: "
            + "each replicate redraws the observations from the fitted model, refits the curve, and draws future daily "
            + "counts from the error family around the refitted curve, so the intervals include both parameter "
            + "uncertainty and day-to-day noise. The same seed gives the same numbers."))
        blocks.append(.table(ReportTable(caption: "Settings", header: ["Setting", "Value"], rows: rows)))
        return ReportSection(.method, blocks: blocks)
    }
}

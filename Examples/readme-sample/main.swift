import Foundation
import Inflow

// The bundled January 2026 figures, read by the public loader (a CSV file: SeriesLoader().load(contentsOf: url)).
let data = try BundledDataset.defaultDataset.load()
let series = data.series[0]
print("\(series.name): \(series.values.count) reports, \(Int(series.values.last!!)) arrivals so far")

// One curve family, fitted alone: parameters, standard errors, AICc, status.
let fit = try Logistic().fit(series, error: .negativeBinomial)
print(fit.summary)

// The whole pipeline, as `inflow project` runs it: every family, stacking weights, the mixed projection.
var options = AnalysisOptions()
options.replicates = 200
let result = try Analysis.run(data, options: options)
let week = result.total.headline.arrivals(overFirst: 7)
if let (lower, upper) = week.interval(0.9) {
    print("next 7 days: \(Int(week.median)) arrivals (90%: \(Int(lower)) to \(Int(upper)))")
}

import Foundation
import Inflow

// The bundled January 2026 figures, read by the public loader (a CSV file: SeriesLoader().load(contentsOf: url),
// with LoadOptions(timeZone:) when its times carry no UTC offset). A series prints its figures in its own time zone.
let data = try BundledDataset.defaultDataset.load()
let series = data.series[0]
print(series)

// Two curve families fitted alone: coefficient tables (estimate, SE, z, p, interval), then AICc side by side.
let families: [any CurveFamily] = [Logistic(), Gompertz()]
let fits = try families.map { try $0.fit(series, error: .negativeBinomial) }
print(fits[0])
for fit in fits {
    print(fit.id, fit.aicc.map { String(format: "AICc %.2f", $0) } ?? "AICc n/a: \(fit.aiccUnavailableReason ?? "")")
}

// The whole pipeline, as `inflow project` runs it: every family, stacking weights, the mixed projection.
var options = AnalysisOptions()
options.replicates = 200
let result = try Analysis.run(data, options: options)
print("next 7 days:", result.total.headline.arrivals(overFirst: 7))

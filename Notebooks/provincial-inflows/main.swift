// MARK: - From where and when: the January 2026 arrivals by province of origin
//
// Between 16 and 24 January 2026, 2,277 Indonesians released from Cambodian scam compounds reported to their
// embassy in Phnom Penh. The crisis team's next questions were not only "how many more?" but "from where, and
// when?": a bus from Poipet is not a walk from Ta Khmau, and shelter, documents and seats home are planned by
// week. This notebook splits the headline projection by province of origin with the provincial inflow model,
// the same pipeline as `inflow project --by province` (`Analysis.run` with `AnalysisOptions.provincial`), and
// spells out what it assumes, because with the figures that were published almost everything about the
// provinces is an assumption.
//
// Run it with `swift run -c release provincial-inflows` (`--quick` for fewer replicates, `--output DIR` to
// write somewhere else than `Notebooks/out/`, `--help` for this text).

import Foundation
import Inflow

let usage = """
    usage: provincial-inflows [--quick] [--output DIR]

      --quick        200 bootstrap replicates instead of 1,000 (for tests)
      --output DIR   where the report, its charts (SVG) and tables (CSV) go (default: Notebooks/out/ beside
                     this notebook, wherever it is run from)
      --help         this text
    """
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\(message)\n\(usage)\n".utf8))
    exit(64)
}
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
var quick = false
var output = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("out", isDirectory: true)
var position = 0
while position < arguments.count {
    switch arguments[position] {
    case "--quick":
        quick = true
    case "--output":
        guard position + 1 < arguments.count, !arguments[position + 1].hasPrefix("--") else { fail("--output needs a directory") }
        output = URL(fileURLWithPath: arguments[position + 1], isDirectory: true)
        position += 1
    default:
        fail("unknown option \(arguments[position])")
    }
    position += 1
}

// Formatting: counts with thousands separators, dates as the embassy's calendar reads them (UTC+7), and
// plain-text tables with right-aligned numbers.

let dataset = BundledDataset.defaultDataset
let timeZone = dataset.options.timeZone
let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

func count(_ value: Double) -> String { value.isFinite ? CountText.grouped(Int64(value.rounded())) : "n/a" }
func percent(_ value: Double) -> String { value.isFinite ? String(format: "%.1f%%", 100 * value) : "n/a" }
func days(_ value: Double) -> String { String(format: "%.1f", value) }
func day(_ date: Date) -> String {
    let civil = TimeText.civil(date, in: timeZone).date
    return "\(civil.day) \(monthNames[civil.month - 1])"
}
func dateTime(_ date: Date) -> String {
    let civil = TimeText.civil(date, in: timeZone)
    return day(date) + String(format: " %02d:%02d", civil.hour, civil.minute)
}
/// "412 (95–1,020)": median and 90% interval.
func median90(_ summary: QuantileSummary) -> String {
    guard let (lower, upper) = summary.interval(0.9) else { return count(summary.median) }
    return "\(count(summary.median)) (\(count(lower))–\(count(upper)))"
}
/// "48 (35–62 | 20–85)": median, 50% and 90% intervals.
func median50and90(_ summary: QuantileSummary) -> String {
    guard let (l50, u50) = summary.interval(0.5), let (l90, u90) = summary.interval(0.9) else { return count(summary.median) }
    return "\(count(summary.median)) (\(count(l50))–\(count(u50)) | \(count(l90))–\(count(u90)))"
}
func window(_ halfBy: ArrivalWindow?) -> String {
    guard let halfBy else { return "–" }
    return "\(day(halfBy.median)) (\(day(halfBy.lower))–\(day(halfBy.upper)))"
}

struct TextTable {
    var header: [String]
    var leftColumns: Set<Int> = [0]
    var rows: [[String]] = []

    init(_ header: [String], left: Set<Int> = [0]) {
        self.header = header
        leftColumns = left
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - cells[column].count)
                return leftColumns.contains(column) ? cells[column] + pad : pad + cells[column]
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

// MARK: - 1. What the embassy counts, and why they cannot tell provinces apart
//
// The bundled figures are eight cumulative totals published by the embassy and the foreign ministry: everyone
// who reported since 16 January, at irregular times (most at the end of a day, one at 21:00, one cut at 17:00).
// A count is a person at the embassy's door. It carries no province: the published releases never broke the
// total down by where people had been held; only the ambassador's remarks named arrivals travelling from
// Banteay Meanchey and Mondulkiri.
//
// Why the national curve alone cannot separate provinces: the model writes the arrivals as a sum over
// provinces of (pool share) x (release time) + (travel time that grows with road distance). Two mixes of
// provinces with the same overall pool and a similar average travel time give national curves that differ by
// far less than the day-to-day noise; and a mix whose people travel a day longer is matched by releases a day
// earlier (the onset moves). Below, the provincial model is fitted to the national counts with five very
// different beliefs about where people came from, including "everyone from Kandal, 12 km away" and "everyone
// from Ratanakiri, 590 km away": the fits are practically as good, so the counts cannot choose between them.

let data = try dataset.load()
let site = data.total ?? data.series[0]
print("# From where and when: the January 2026 arrivals by province of origin")
for line in dataset.provenance.prefix(2) { print("> \(line)") }
print("\n## 1. What the embassy counts\n")
var reports = TextTable(["report (UTC+07:00)", "cumulative", "since last report", "per day"])
var running = 0.0
for interval in site.prepared().intervals {
    running += interval.count
    reports.add([dateTime(site.date(atDay: interval.end)), count(running), count(interval.count),
                 count(interval.count / (interval.end - max(interval.start, 0)))])
}
print(reports.render())
print("\nNo report gives a province: every number above is national.")

var options = AnalysisOptions()
options.replicates = quick ? 200 : 1000
let gazetteer = try ProvinceGazetteer.bundled()
let background = options.resolvedBackground(for: data)
let counts = try ProvinceCounts.from(data, gazetteer: gazetteer, origin: site.origin)

/// The provincial model fitted to the national counts as `Analysis.run` fits it (same error family, background
/// and bounds on the pool).
@MainActor func provincialFit(_ model: ProvincialModel) throws -> ProvincialFit {
    let probe = model.family(delay: model.delayPrior.median, weights: model.concentrations(model.shares), origin: site.origin)
    let fitOptions = options.fitOptions(for: probe, series: site, background: background.rate)
    return try model.fit(site, counts: counts, error: options.error, options: fitOptions)
}

let residencePermits = ProvinceShares(
    shares: ["KH-18": 40, "KH-8": 20, "KH-20": 20, "KH-1": 20], concentration: 20,
    source: "residence permits")
let borderCompounds = ProvinceShares(
    shares: ["KH-1": 40, "KH-20": 30, "KH-25": 30], concentration: 20,
    source: "border compounds")
let beliefs: [(String, ProvinceShares?)] = [
    ("gazetteer prior (default)", nil),
    ("residence permits", residencePermits),
    ("border compounds", borderCompounds),
    ("everyone from Kandal (12 km)", ProvinceShares(shares: ["KH-8": 1], concentration: 20, source: "Kandal only")),
    ("everyone from Ratanakiri (590 km)", ProvinceShares(shares: ["KH-16": 1], concentration: 20, source: "Ratanakiri only")),
]
print("\nThe provincial model fitted to these counts under five beliefs about where people were held:\n")
var beliefTable = TextTable(["belief about origins", "log-likelihood", "pool N", "onset", "mean wait before release"])
var logLikelihoods: [Double] = []
for (label, shares) in beliefs {
    let fit = try provincialFit(ProvincialModel(gazetteer: gazetteer, shares: shares))
    logLikelihoods.append(fit.fit.logLikelihood ?? .nan)
    beliefTable.add([label, String(format: "%.1f", fit.fit.logLikelihood ?? .nan), count(fit.pool),
                     dateTime(site.date(atDay: fit.onset)), days(1 / fit.hazard) + " days"])
}
print(beliefTable.render())
print("""

The log-likelihoods span \(String(format: "%.1f", (logLikelihoods.max() ?? 0) - (logLikelihoods.min() ?? 0))) units (the fits have the same number of parameters; a unit
or two is what noise gives): the onset and the release rate move to absorb the travel time, and the national
counts cannot tell these beliefs apart. Every province number below rests on the assumptions of sections 2 and 3.

""")

// MARK: - 2. The gazetteer and the default prior shares (assumptions)
//
// The bundled gazetteer lists Cambodia's 24 provinces and Phnom Penh: ISO 3166-2 code, provincial capital, an
// approximate road distance from that capital to Phnom Penh (rounded, for planning, not navigation), and what
// January 2026 reporting said about scam compounds or Indonesian residents there.
//
// The default prior (`ProvinceShares.gazetteerPrior`) is a rule, not an estimate: a province that the reporting
// mentions at all gets weight 4, every other province weight 1, normalised to sum to 1, with concentration 20
// (the prior weighs like 20 arrivals of known origin, so it is loose: a province at 8.7% has a 90% prior range
// of about 1.4% to 21%). The rule is "any mention", so Phnom Penh counts as mentioned because the embassy is
// there, not because compounds are; and a province nobody wrote about still gets 2.2%. These are assumptions
// for planning, not findings.

print("## 2. The gazetteer and the default prior shares (assumptions, not estimates)\n")
let gazetteerPrior = ProvinceShares.gazetteerPrior(gazetteer)
var gazetteerTable = TextTable(["province", "ISO", "capital", "road km", "prior share", "January 2026 mentions"], left: [0, 1, 2, 5])
for province in gazetteer.provinces.sorted(by: {
    (gazetteerPrior.share(for: $0.isoCode), -$0.roadKilometresToPhnomPenh) > (gazetteerPrior.share(for: $1.isoCode), -$1.roadKilometresToPhnomPenh)
}) {
    gazetteerTable.add([province.name, province.isoCode, province.provincialCapital, count(province.roadKilometresToPhnomPenh),
                        percent(gazetteerPrior.share(for: province.isoCode)), province.hubMentions ?? ""])
}
print(gazetteerTable.render())
let mentioned = gazetteer.provinces.filter { $0.hubMentions != nil }.count
print("""

\(mentioned) of \(gazetteer.provinces.count) provinces are mentioned: weight \(Int(ProvinceShares.mentionWeight)) each against 1, \
concentration \(Int(gazetteerPrior.concentration)). Source: \(gazetteerPrior.source).
""")

// MARK: - 3. The travel-time model
//
// Once released, a person's time to reach the embassy is gamma-distributed with a mean that grows with road
// distance: mean m = a + km / v, shape k (`TravelDelay`). `a` is the days lost before travelling (money,
// documents, a ride), `v` the kilometres covered per day of travel, `k` how regular the trip is (k = 4: a
// standard deviation of half the mean). The planning default (`DelayPrior.planningDefault`) centres a on 1 day
// and v on 250 km a day (a long bus day on Cambodian roads) with log-normal uncertainty (a: 90% range 0.44 to
// 2.3 days; v: 130 to 480 km a day) and holds k at 4. Nobody measured these. The national counts cannot tell
// speeds apart (a faster trip is matched by a later release, section 1) and inform a only weakly, through the
// shape of the arrivals: the model fits the national counts once per value of a on a grid and weighs each by its
// likelihood. So without province-level counts the delay stays close to the prior, and its uncertainty goes into
// every replicate (section 4 shows what the fit made of it).
//
// The arrival time of a person is their release time (exponential from the common onset, hazard h, fitted
// nationally) plus this travel time.

print("\n## 3. The travel-time model\n")
let planning = DelayPrior.planningDefault
let priorGrid = planning.grid()
let priorDelay = DelayPosterior(nodes: priorGrid.map(\.delay), logWeights: priorGrid.map(\.logPrior), isInformedByCounts: false)
print("mean = a + km / v, gamma shape k; planning default a = \(days(planning.median.fixedDays)) days, "
      + "v = \(count(planning.median.kilometresPerDay)) km a day, k = \(count(planning.median.shape))\n")
var travelTable = TextTable(["from", "road km", "mean trip (days)", "one trip: 5%–95%", "mean under the prior's 90% range"])
for (label, km) in [("Kandal", 12.0), ("Svay Rieng", 125), ("Preah Sihanouk", 230), ("Banteay Meanchey", 360),
                    ("Mondulkiri", 380), ("Ratanakiri", 590)] {
    let mean = planning.median.meanDays(kilometres: km)
    let trip = try Gamma(shape: planning.median.shape, scale: mean / planning.median.shape)
    let range = priorDelay.meanDelayQuantiles(kilometres: km, levels: [0.05, 0.95])
    travelTable.add([label, count(km), days(mean), "\(days(trip.quantile(0.05)))–\(days(trip.quantile(0.95)))",
                     "\(days(range[0]))–\(days(range[1]))"])
}
print(travelTable.render())
let bm = planning.median.meanDays(kilometres: 360)
let bmTrip = try Gamma(shape: planning.median.shape, scale: bm / planning.median.shape)
print("""

A 360 km trip (Serei Saophoan, Banteay Meanchey, to Phnom Penh) takes \(days(bm)) days on average under the
planning default: a day lost before leaving plus 360 / 250 = 1.4 days on the road. Half of the people released
there at the same moment arrive within \(days(bmTrip.quantile(0.5))) days, 90% between \(days(bmTrip.quantile(0.05))) \
and \(days(bmTrip.quantile(0.95))) days; and if a and v are
as uncertain as the prior says, the mean itself is anywhere from \(days(priorDelay.meanDelayQuantiles(kilometres: 360, levels: [0.05])[0])) \
to \(days(priorDelay.meanDelayQuantiles(kilometres: 360, levels: [0.95])[0])) days.
""")

// MARK: - 4. The national fit of the provincial model, and the split of the headline projection
//
// The pipeline of `inflow project --by province`: every default curve family with negative-binomial errors and
// the stated background, weighed by stacking, projected 30 days by parametric bootstrap; then the provincial
// model is fitted to the same national counts (pool N, release hazard h, common onset, with the shares at their
// prior means, once per value of the days lost a), and the ensemble's projection is split among the provinces
// replicate by replicate: each replicate draws a travel delay from its posterior (the prior weighted by the
// national likelihood of each a), h and the onset from that delay's fit's uncertainty, and the provinces' pools from the Dirichlet prior, and divides that replicate's daily
// arrivals among the provinces in proportion to who would be arriving that day. The national numbers are the
// ensemble's; the model says only from where. The provinces therefore add up to the national projection in
// every replicate (checked below), but their medians need not add up to the national median.

let alternatives = [residencePermits, borderCompounds]
options.provincial = ProvincialModel(gazetteer: gazetteer, alternatives: alternatives)
let started = Date()
let result = try Analysis.run(data, options: options)
guard let provincial = result.provincial else { fatalError("the analysis has no provincial part although the options asked for one") }
let split = provincial.projection
let fit = provincial.fit
let horizon = split.site.periods
let headline = result.total.headline

print("\n## 4. The national fit of the provincial model and the split of the headline projection\n")
print("Pipeline: \(result.total.fits.count) curve families combined by \(options.ensemble), \(count(Double(headline.replicates))) replicates, "
      + "seed \(options.seed), " + String(format: "%.0f s;", Date().timeIntervalSince(started))
      + "\nbackground \(result.total.background) (\(result.total.backgroundSource)).")
let lostDays = fit.delay.meanDelayQuantiles(kilometres: 0, levels: [0.05, 0.5, 0.95])
print("National projection being split: next 7 days \(headline.arrivals(overFirst: 7)), next \(horizon) days \(headline.arrivals(overFirst: horizon)).")
print("""
Provincial model, national fit (\(fit.fit.status)):
  pool N = \(count(fit.pool)) people released in all provinces together, mean wait before release 1/h = \(days(1 / fit.hazard)) days,
  common onset \(dateTime(site.date(atDay: fit.onset))), background \(String(format: "%.1f", fit.background)) a day.
Travel delay: \(fit.delay.isInformedByCounts ? "the prior weighted by the province counts and the national likelihood" : "the prior weighted by the national likelihood of each a (no province-level counts)"): \
a = \(days(lostDays[1])) days lost (90%: \(days(lostDays[0])) to \(days(lostDays[2]))), v = \(count(fit.delay.meanKilometresPerDay)) km a day, over \(fit.delay.nodes.count) grid nodes.

""")
// What the provincial model's own curve expects over the horizon: the rest of its pool, and the background.
let start = headline.grid.boundaries[0]
let end = headline.grid.boundaries[horizon]
let poolStillToCome = fit.fit.family.cumulative(at: end, fit.fit.curveParameters)
    - fit.fit.family.cumulative(at: start, fit.fit.curveParameters)
let backgroundToCome = fit.background * (end - start)
print("""
Over the next \(horizon) days the provincial model's own curve expects \(count(poolStillToCome)) more from its pool \
(\(percent(1 - fit.fit.family.cumulative(at: start, fit.fit.curveParameters) / fit.pool)) of it not yet arrived)
and \(count(backgroundToCome)) as background; the ensemble, with heavier tails, projects more. The split divides
the ensemble's arrivals of each day in proportion to the model's: in the first days by who is still on the
road (travel distance matters), later mostly by the shares (the background and the slow tail are spread by
share), so beyond the first week the provinces' timing follows the national tail and their sizes follow the
prior shares.

""")
let outlooks = ProvinceOutlook.all(split, fit: fit).sorted { $0.horizon.median > $1.horizon.median }
var provinceTable = TextTable(["province", "ISO", "km", "travel d", "prior", "share (90%)", "next 7 days (90%)",
                               "next \(horizon) days (90%)", "half by (90%)"], left: [0, 1])
for outlook in outlooks {
    let share = outlook.share.interval(0.9).map { "\(percent(outlook.share.median)) (\(percent($0.lower))–\(percent($0.upper)))" } ?? "n/a"
    provinceTable.add([outlook.province.name, outlook.province.isoCode, count(outlook.province.roadKilometresToPhnomPenh),
                       days(outlook.meanTravelDays[1]), percent(outlook.priorShare), share, median90(outlook.nextWeek),
                       median90(outlook.horizon), window(outlook.halfBy)])
}
print(provinceTable.render())
print("""

half by: the day by which half of the province's arrivals of the next \(horizon) days have come (median, 90% range).
Provinces with the same prior share differ only by travel distance and sampling noise: the far ones send a
little more in the first week (more of their people are still on the road) and reach half-way a little sooner.
\(split.isPriorDriven ? "Every row follows the prior shares: no province-level count was published, so these are the\nassumptions of sections 2 and 3 carried through the national projection." : "The rows with counts are updated by them.")
""")

// The coherence check: in every replicate the provinces' arrivals over the horizon add up to the nation's.
var largestGap = 0.0
for replicate in 0..<headline.replicates {
    let national = (0..<horizon).reduce(0.0) { $0 + split.site.increments[$1, replicate] }
    let provinces = split.provinces.indices.reduce(0.0) { sum, index in
        sum + (0..<horizon).reduce(0.0) { $0 + split.increments[index][$1, replicate] }
    }
    largestGap = max(largestGap, abs(national - provinces))
}
print("Check: largest gap between the provinces' sum and the national total in any replicate: \(String(format: "%.2g", largestGap)) people.")

// MARK: - 5. Weekly needs for the six provinces expected to send the most
//
// For planning transport, shelter and travel documents: arrivals per province per calendar week of the
// projection (the last week is shorter), median with the 50% interval (an even bet) and the 90% interval (what
// to be ready for). The national row is the ensemble's projection itself.

print("\n## 5. Weekly needs: the six provinces expected to send the most\n")
let needs = split.weeklyNeeds()
let weeks = needs.filter { $0.isoCode == split.provinces[0].isoCode }
func span(_ first: Date, _ last: Date) -> String {
    let (a, b) = (TimeText.civil(first, in: timeZone).date, TimeText.civil(last, in: timeZone).date)
    return a.month == b.month ? "\(a.day)–\(day(last))" : "\(day(first))–\(day(last))"
}
var needsTable = TextTable(["province"] + weeks.map { span($0.firstDay, $0.lastDay) + ($0.days < 7 ? " (\($0.days) days)" : "") })
for outlook in outlooks.prefix(6) {
    needsTable.add([outlook.province.name] + weeks.map { week in
        needs.first { $0.isoCode == outlook.province.isoCode && $0.week == week.week }.map { median50and90($0.arrivals) } ?? "–"
    })
}
needsTable.add(["all provinces"] + weeks.map { week in
    let periods = (7 * (week.week - 1))..<(7 * (week.week - 1) + week.days)
    let totals = (0..<headline.replicates).map { replicate in periods.reduce(0.0) { $0 + headline.increments[$1, replicate] } }
    return median50and90(QuantileSummary(sample: totals, levels: WeeklyNeed.levels))
})
print(needsTable.render())
print("\nCells: median (50% interval | 90% interval). The six provinces are those with the largest median over \(horizon) days.")

// MARK: - 6. Sensitivity to the shares
//
// Two other beliefs, written in code as `ProvinceShares` with the same concentration (20): "residence permits"
// follows where Indonesians with Cambodian residence permits lived in 2024 (Preah Sihanouk 40, Kandal 20, Svay
// Rieng 20, Banteay Meanchey 20); "border compounds" puts the people in the compounds at the Thai and Vietnamese
// borders (Banteay Meanchey 40, Svay Rieng 30, Tbong Khmum 30). A province a belief leaves out gets nothing from
// it. They are passed to the model as `alternatives:`, and the allocation reuses the same random streams for
// each, so the differences come from the shares alone; the national total is the same in every column.
// Section 1 showed the national counts fit all three equally well: this table is the range of answers the
// published figures cannot decide between.

print("\n## 6. Sensitivity to the shares: next \(horizon) days, median (90%)\n")
let scenarios = [split] + provincial.alternatives
let scenarioNames = ["gazetteer prior", "residence permits", "border compounds"]
let smallestPrior = outlooks.map(\.priorShare).min() ?? 0
let shown = outlooks.filter { outlook in
    outlook.priorShare > smallestPrior || provincial.alternatives.contains { $0.index(of: outlook.province.isoCode) != nil }
}
var shareTable = TextTable(["province"] + scenarioNames.flatMap { ["prior", $0] })
for outlook in shown {
    var row = [outlook.province.name]
    for scenario in scenarios {
        if let index = scenario.index(of: outlook.province.isoCode) {
            row += [percent(scenario.priorShares[index]), median90(scenario.arrivals(index, overFirst: horizon, levels: WeeklyNeed.levels))]
        } else {
            row += ["–", "0 (left out)"]
        }
    }
    shareTable.add(row)
}
let others = outlooks.filter { outlook in !shown.contains { $0.province.isoCode == outlook.province.isoCode } }
let othersTotal = (0..<headline.replicates).map { replicate in
    others.reduce(0.0) { sum, outlook in sum + split.totals(split.index(of: outlook.province.isoCode)!, periods: 0..<horizon)[replicate] }
}
shareTable.add(["\(others.count) other provinces", percent(others.reduce(0) { $0 + $1.priorShare }),
                median90(QuantileSummary(sample: othersTotal, levels: WeeklyNeed.levels)), "–", "0 (left out)", "–", "0 (left out)"])
print(shareTable.render())
print("\nHow the medians move (gazetteer → residence permits → border compounds):")
for outlook in shown {
    let medians = scenarios.map { scenario in
        scenario.index(of: outlook.province.isoCode).map { count(scenario.arrivals($0, overFirst: horizon).median) } ?? "0"
    }
    print("  " + outlook.province.name.padding(toLength: 18, withPad: " ", startingAt: 0) + medians.joined(separator: " → "))
}

// MARK: - 7. Sensitivity to the travel delay
//
// The planning prior keeps a and v uncertain. Here they are held known at two ends of what is plausible:
// fast (half a day lost, 400 km a day: people with money and a car) and slow (two days lost, 150 km a day:
// people without documents or fare, waiting for help). The provincial model is refitted to the national counts
// under each, exactly as `Analysis.run` fits it, and the same headline projection is split again; the first
// row of each province repeats the pipeline's own split, so the check below confirms that this rerun is the
// pipeline's. Compare the half-by dates of Banteay Meanchey (360 km), Mondulkiri (380 km) and Kandal (12 km).

print("\n## 7. Sensitivity to the travel delay\n")
@MainActor func rerun(_ model: ProvincialModel) throws -> (fit: ProvincialFit, split: ProvincialProjection) {
    let refit = try provincialFit(model)
    return (refit, ProvincialAllocation.run(headline, fit: refit, seed: options.seed, threads: options.threads))
}
let delays: [(String, DelayPrior)] = [
    ("planning prior (a ≈ 1 d, v ≈ 250 km/d, uncertain)", .planningDefault),
    ("fast (a = 0.5 d, v = 400 km/d)", .known(TravelDelay(fixedDays: 0.5, kilometresPerDay: 400, shape: 4))),
    ("slow (a = 2 d, v = 150 km/d)", .known(TravelDelay(fixedDays: 2, kilometresPerDay: 150, shape: 4))),
]
let delayRuns = try delays.map { try rerun(ProvincialModel(gazetteer: gazetteer, delayPrior: $0.1)) }
var reproduced = true
for index in split.provinces.indices {
    for k in 0..<horizon { for r in 0..<headline.replicates where split.increments[index][k, r] != delayRuns[0].split.increments[index][k, r] {
        reproduced = false
    } }
}
print("Check: the rerun under the planning prior reproduces the pipeline's split exactly: \(reproduced ? "yes" : "NO")\n")
var delayFits = TextTable(["travel delay", "pool N", "mean wait", "common onset"])
for ((label, _), run) in zip(delays, delayRuns) {
    delayFits.add([label, count(run.fit.pool), days(1 / run.fit.hazard) + " d", dateTime(site.date(atDay: run.fit.onset))])
}
print(delayFits.render())
print("")
let focus = ["KH-1", "KH-11", "KH-8"]
var delayTable = TextTable(["province", "travel delay", "mean trip", "next 7 days (90%)", "half by (90%)"], left: [0, 1])
var delayRows: [[String]] = []
for code in focus {
    for ((label, _), run) in zip(delays, delayRuns) {
        guard let index = run.split.index(of: code) else { continue }
        let province = run.split.provinces[index]
        let trip = run.fit.delay.meanDelayQuantiles(kilometres: province.roadKilometresToPhnomPenh, levels: [0.5])[0]
        let row = [province.name, String(label.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces), days(trip) + " d",
                   median90(run.split.arrivals(index, overFirst: 7, levels: WeeklyNeed.levels)), window(run.split.arrivalWindow(index))]
        delayTable.add(row)
        delayRows.append(row)
    }
}
print(delayTable.render())
var halfByShift = 0.0
for code in focus {
    let medians = delayRuns.compactMap { run in run.split.index(of: code).flatMap { run.split.arrivalWindow($0)?.median } }
    if let first = medians.min(), let last = medians.max() { halfByShift = max(halfByShift, last.timeIntervalSince(first) / 86_400) }
}
func firstWeek(_ run: (fit: ProvincialFit, split: ProvincialProjection), _ code: String) -> String {
    run.split.index(of: code).map { count(run.split.arrivals($0, overFirst: 7).median) } ?? "–"
}
print("""

The national counts pin release + travel together: a faster trip is answered by a later onset and a slower one
by an earlier onset, so the national fit changes in its onset and release rate, not in how well it fits. What
changes is who is still on the road when the projection starts: with slow trips the far provinces send more of
the first week (Banteay Meanchey \(firstWeek(delayRuns[1], "KH-1")) fast, \(firstWeek(delayRuns[2], "KH-1")) slow; \
Kandal \(firstWeek(delayRuns[1], "KH-8")) fast, \(firstWeek(delayRuns[2], "KH-8")) slow, medians).
The half-by dates of these three provinces move by at most \(days(halfByShift)) days across the three delays: over \(horizon) days
the timing is the national tail's, and the travel delay matters far less than the shares of section 6.
""")

// MARK: - 8. What would change this
//
// Province-level counts. If the embassy published how many of the arrivals came from each province (a CSV with a
// province key column: `inflow project --by province --data file.csv --key-column province`), each province's
// pool would be updated conjugately. The prior writes province p's pool as Gamma(alpha_p, beta) with alpha_p =
// 20 x its prior share and beta = 20 / N; after n_p arrivals counted from p, when the model expects a fraction
// E_p of p's pool to have arrived by then (its release and travel times), the pool is Gamma(alpha_p + n_p,
// beta + E_p). In words: every counted arrival adds one to the province's pseudo-count, so a few hundred counted
// arrivals outweigh the prior's twenty; and provinces whose people should already have arrived but did not are
// pulled down. The differences in timing between provinces would also begin to inform a and v, which the
// national counts cannot. A breakdown is taken as exhaustive: a province not listed sent nobody in that time.
// The arithmetic below is hypothetical (no such breakdown was published), with every province's expected
// fraction arrived taken as equal, so that the posterior share is Beta(alpha_p + n_p, 20 + n - alpha_p - n_p).
//
// Known releases. A dated release in a province (`ReleaseEvents`, `inflow project --events`) fixes that
// province's onset instead of the common one. The gazetteer itself records one: a compound near the Vietnam
// border in Tbong Khmum emptied on 17 January 2026; the model is refitted with it below.

print("\n## 8. What would change this\n")
let observed = site.prepared().observedTotal
let bmAlpha = gazetteerPrior.concentration * gazetteerPrior.share(for: "KH-1")
func betaRange(_ a: Double, _ b: Double) -> String {
    "\(percent(a / (a + b))) (90%: \(percent(SpecialFunctions.inverseRegularizedBeta(a, b, 0.05)))–\(percent(SpecialFunctions.inverseRegularizedBeta(a, b, 0.95))))"
}
print("Province counts (hypothetical): Banteay Meanchey's share of the pool")
var updateTable = TextTable(["counted from Banteay Meanchey", "of", "share: mean (90%)"])
updateTable.add(["prior only", "–", betaRange(bmAlpha, gazetteerPrior.concentration - bmAlpha)])
for n in [50.0, 200, 600] {
    updateTable.add([count(n), count(observed), betaRange(bmAlpha + n, gazetteerPrior.concentration + observed - bmAlpha - n)])
}
print(updateTable.render())

let tbongKhmum = ReleaseEvents(
    events: [ReleaseEvent(isoCode: "KH-25", province: "Tbong Khmum",
                          date: TimeText.startOfDay(CivilDate(year: 2026, month: 1, day: 17), in: timeZone),
                          description: "compound near the Vietnam border emptied")],
    source: "gazetteer mention (cambodia-provinces.csv)")
let withEvent = try rerun(ProvincialModel(gazetteer: gazetteer, events: tbongKhmum))
print("\nKnown release: Tbong Khmum emptied on 17 Jan 2026 (from the gazetteer's mention)")
var eventTable = TextTable(["", "common onset", "Tbong Khmum next 7 days (90%)", "Tbong Khmum half by (90%)",
                            "Banteay Meanchey half by (90%)"], left: [0])
var eventRows: [[String]] = []
for (label, run) in [("without the event", delayRuns[0]), ("with the event", withEvent)] {
    let tk = run.split.index(of: "KH-25")!
    let row = [label, dateTime(site.date(atDay: run.fit.onset)),
               median90(run.split.arrivals(tk, overFirst: 7, levels: WeeklyNeed.levels)),
               window(run.split.arrivalWindow(tk)), window(run.split.arrivalWindow(run.split.index(of: "KH-1")!))]
    eventTable.add(row)
    eventRows.append(row)
}
print(eventTable.render())
let eventDay = tbongKhmum.events[0].date.timeIntervalSince(site.origin) / 86_400
print("""

The known release is \(days(abs(eventDay - delayRuns[0].fit.onset))) days from the fitted common onset, so fixing it moves
Tbong Khmum's numbers little; a release dated days after the common onset (a compound emptied late) would
move them more.
""")
print("""

The cheapest improvement is a breakdown by province of the arrivals already counted, even a rough one (the
embassy registers every arrival); next, dated releases by province; a shares file from NGO interviews
(`ProvinceShares`, given to `ProvincialModel`) replaces the gazetteer rule with a belief someone can defend.
""")

// MARK: - The report
//
// The pipeline's report (the section "From where", id `origins`, holds the tile map, the province table, small
// multiples, the weekly needs and the share sensitivity), with the notebook's travel-delay and known-release
// tables added after it as a section of its own; one self-contained HTML file, written atomically (staged
// beside the destination, then renamed over it).

var input = ReportInput(analysis: result, toolVersion: "provincial-inflows notebook", generatedAt: Date(), timeZone: timeZone)
input.title = "From where and when: the January 2026 arrivals by province of origin"
var document = ReportBuilder(input).document()
let travelSection = ReportSection(id: "travel-sensitivity", title: "What the travel times and a known release change", blocks: [
    .paragraph("Travel times are assumed, not estimated: the national counts cannot tell a slow trip from a late release. "
               + "The provincial model refitted with the travel delay held at two ends of what is plausible, and the same national "
               + "projection split again. Fast: half a day lost before travelling and 400 km a day; slow: two days and 150 km a day."),
    .table(ReportTable(caption: "Arrivals in the next 7 days and the day by which half of the next \(horizon) days' arrivals have come, by travel delay",
                       header: ["Province", "Travel delay", "Mean trip", "Next 7 days", "Half by"],
                       alignments: [.left, .left, .right, .right, .right], rows: delayRows)),
    .paragraph("A dated release fixes its province's onset. The gazetteer records one: a compound near the Vietnam border in "
               + "Tbong Khmum emptied on 17 January 2026."),
    .table(ReportTable(caption: "The split with and without the known release in Tbong Khmum",
                       header: ["", "Common onset", "Tbong Khmum next 7 days", "Tbong Khmum half by", "Banteay Meanchey half by"],
                       alignments: [.left, .right, .right, .right, .right], rows: eventRows)),
    .paragraph("Province-level counts would change most: each counted arrival adds one to its province's pseudo-count "
               + "(the prior weighs like \(Int(gazetteerPrior.concentration)) arrivals), so a breakdown of the \(count(observed)) "
               + "arrivals already counted would replace the assumed shares with measured ones and begin to inform travel times."),
])
if let origins = document.sections.firstIndex(where: { $0.id == ReportSectionID.origins.rawValue }) {
    document.sections.insert(travelSection, at: origins + 1)
} else {
    document.sections.append(travelSection)
}
let html = HTMLRenderer().render(document)
let inputs = [dataset.url, ProvinceGazetteer.bundledURL]
let writer = AtomicFileWriter(protecting: inputs)
let reportURL = output.appendingPathComponent("provincial-inflows.html")
try writer.write(html, to: reportURL)
var written = [reportURL]

// MARK: - Charts and tables beside the report
//
// Through the library's public API: the national daily chart (`Chart.fit`) and the report's small multiples of
// the provinces expected to send the most, each province's share of the projection on one shared scale
// (`Chart.provinces`), each a standalone SVG file. The tables
// as CSV with unrounded numbers (medians and 90% intervals in columns of their own, dates as the embassy's local
// days): the provinces' outlook and the weekly needs.

let directory = output
func file(_ suffix: String) -> URL { directory.appendingPathComponent("provincial-inflows-\(suffix)") }
try Chart.fit(result.total).write(to: file("national-daily.svg"), protecting: inputs)
try Chart.provinces(result).write(to: file("provinces.svg"), protecting: inputs)
written += [file("national-daily.svg"), file("provinces.svg")]

func quantiles(_ summary: QuantileSummary) -> [String] {
    [String(summary.median), summary.interval(0.9).map { String($0.lower) } ?? "NA", summary.interval(0.9).map { String($0.upper) } ?? "NA"]
}
func localDay(_ date: Date) -> String { headline.localText(date, dateOnly: true) }
let outlookTable = ReportTable(
    header: ["province", "iso_code", "road_km", "mean_travel_days", "prior_share", "share_median", "share_q05", "share_q95",
             "next_7_days_median", "next_7_days_q05", "next_7_days_q95", "next_\(horizon)_days_median", "next_\(horizon)_days_q05",
             "next_\(horizon)_days_q95", "half_by_median", "half_by_q05", "half_by_q95"],
    rows: outlooks.map { outlook in
        [outlook.province.name, outlook.province.isoCode, String(outlook.province.roadKilometresToPhnomPenh),
         String(outlook.meanTravelDays[1]), String(outlook.priorShare)]
            + quantiles(outlook.share) + quantiles(outlook.nextWeek) + quantiles(outlook.horizon)
            + (outlook.halfBy.map { [localDay($0.median), localDay($0.lower), localDay($0.upper)] } ?? ["NA", "NA", "NA"])
    })
let needsCSV = ReportTable(
    header: ["province", "iso_code", "week", "first_day", "last_day", "days", "median", "q25", "q75", "q05", "q95"],
    rows: needs.map { need in
        let inner = need.arrivals.interval(0.5), outer = need.arrivals.interval(0.9)
        return [need.province, need.isoCode, String(need.week), localDay(need.firstDay), localDay(need.lastDay), String(need.days),
                String(need.arrivals.median), inner.map { String($0.lower) } ?? "NA", inner.map { String($0.upper) } ?? "NA",
                outer.map { String($0.lower) } ?? "NA", outer.map { String($0.upper) } ?? "NA"]
    })
try writer.write(outlookTable.csv(), to: file("provinces.csv"))
try writer.write(needsCSV.csv(), to: file("weekly-needs.csv"))
written += [file("provinces.csv"), file("weekly-needs.csv")]
print("")
for url in written { print("wrote \(url.path)") }

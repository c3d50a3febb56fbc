import Foundation
import InflowCore
import Testing
@testable import InflowData

@Suite("Bundled datasets and the province gazetteer")
struct BundledDatasetTests {
    @Test("the KBRI dataset loads into 8 cumulative totals at the published local times")
    func kbriLoads() throws {
        let dataset = try #require(BundledDataset.named("kbri-phnom-penh-2026-01"))
        let data = try dataset.load()
        #expect(data.series.count == 1)
        #expect(data.total == nil)
        #expect(data.warnings.isEmpty)
        #expect(data.kind == .cumulative)
        #expect(data.timeColumn == "as_of")
        #expect(data.valueColumn == "cumulative_since_2026_01_16")
        let series = data.series[0]
        #expect(series.name == "KBRI Phnom Penh")
        #expect(series.kind == .cumulative)
        #expect(series.origin == instant("2026-01-16T00:00:00+07:00"))
        #expect(series.origin == instant("2026-01-15T17:00:00Z"))
        #expect(series.cumulativeCountsFromOrigin)
        #expect(series.values == [243, 308, 911, 1440, 1726, 1950, 2117, 2277])
        #expect(series.times == [
            "2026-01-17T16:59:00Z", "2026-01-18T16:59:00Z", "2026-01-19T16:59:00Z", "2026-01-20T14:00:00Z",
            "2026-01-21T16:59:00Z", "2026-01-22T16:59:00Z", "2026-01-23T10:00:00Z", "2026-01-24T16:59:00Z",
        ].map(instant))
        #expect(series.times[0] == instant("2026-01-17T23:59:00+07:00"))
        // Days since the origin: the first report closes 1 day 23:59 after the start of the surge.
        #expect(abs(series.days[0] - (1 + 1439.0 / 1440)) < 1e-12)
        #expect(data.provenance.count == 9)
        #expect(data.statedBackground == StatedRate(
            lower: 20, upper: 25, note: "daily arrivals before the surge, as described by the embassy", line: 8))
        #expect(data.provenance[0].hasPrefix("Indonesian nationals reporting to the Indonesian embassy (KBRI)"))
        #expect(dataset.provenance == data.provenance)
    }

    @Test("the registry lists and finds datasets; the options are those stated")
    func registry() throws {
        #expect(BundledDataset.all.map(\.name) == ["kbri-phnom-penh-2026-01"])
        #expect(BundledDataset.named("kbri-phnom-penh-2026-01.csv")?.name == "kbri-phnom-penh-2026-01")
        #expect(BundledDataset.named("nope") == nil)
        let dataset = BundledDataset.defaultDataset
        #expect(dataset.fileName == "kbri-phnom-penh-2026-01.csv")
        #expect(dataset.url.lastPathComponent == "kbri-phnom-penh-2026-01.csv")
        #expect(FileManager.default.fileExists(atPath: dataset.url.path))
        #expect(dataset.options.timeZone.secondsFromGMT() == 7 * 3600)
        #expect(dataset.options.kind == .cumulative)
        #expect(dataset.options.origin == instant("2026-01-16T00:00:00+07:00"))
        #expect(!dataset.title.isEmpty && !dataset.description.isEmpty)
    }

    @Test("reading the bundled file with automatic options gives the same series")
    func automaticOptionsAgree() throws {
        let dataset = BundledDataset.defaultDataset
        let automatic = try SeriesLoader(options: LoadOptions(timeZone: phnomPenh), now: testNow)
            .load(contentsOf: dataset.url, name: dataset.fileName)
        let bundled = try dataset.load()
        #expect(automatic.kind == .cumulative)
        #expect(automatic.origin == bundled.origin)
        #expect(automatic.series[0].times == bundled.series[0].times)
        #expect(automatic.series[0].values == bundled.series[0].values)
        #expect(automatic.series[0].name == "kbri-phnom-penh-2026-01")
    }

    @Test("the gazetteer lists the 24 provinces and the capital")
    func gazetteer() throws {
        let gazetteer = try ProvinceGazetteer.bundled()
        #expect(gazetteer.provinces.count == 25)
        #expect(Set(gazetteer.provinces.map(\.isoCode)).count == 25)
        #expect(gazetteer.provinces.first == Province(
            isoCode: "KH-1", name: "Banteay Meanchey", provincialCapital: "Serei Saophoan",
            roadKilometresToPhnomPenh: 360,
            hubMentions: "Poipet; arrivals travelling from Banteay Meanchey named by the ambassador"))
        let sihanouk = try #require(gazetteer.province(named: "preah-sihanouk"))
        #expect(sihanouk.isoCode == "KH-18")
        #expect(sihanouk.provincialCapital == "Sihanoukville")
        #expect(sihanouk.roadKilometresToPhnomPenh == 230)
        #expect(gazetteer.province(named: "KH-12")?.name == "Phnom Penh")
        #expect(gazetteer.province(named: "Battambang")?.hubMentions == nil)
        #expect(gazetteer.province(named: "Atlantis") == nil)
        #expect(gazetteer.provenance.count == 4)
        #expect(gazetteer.provenance[3].hasPrefix("  (Preah Sihanouk, Banteay Meanchey"))
    }
}

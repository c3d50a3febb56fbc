import Foundation
import Testing
@testable import InflowData

/// Prior shares by province: names and codes resolve, shares normalise, the concentration is read or
/// defaulted, the gazetteer prior weighs mentioned provinces, and every bad file names its line and column.
@Suite("Province shares files")
struct ProvinceSharesTests {
    static let gazetteer: ProvinceGazetteer = {
        do { return try ProvinceGazetteer.bundled() } catch { fatalError("bundled gazetteer: \(error)") }
    }()

    /// Shares read from `csv`, written to a temporary file named `shares.csv`.
    private func shares(_ csv: String) throws -> ProvinceShares {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("shares.csv")
            try Data(csv.utf8).write(to: url)
            return try ProvinceShares(contentsOf: url, gazetteer: Self.gazetteer, name: "shares.csv")
        }
    }

    /// The error reading `csv` gives, or `nil` (recording an issue) when it reads.
    private func sharesError(_ csv: String) -> DataError? {
        do {
            _ = try shares(csv)
            Issue.record("expected an error for \(csv.debugDescription)")
            return nil
        } catch let error as DataError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("names and codes resolve; fractions are kept; the concentration is read")
    func namesAndCodes() throws {
        let read = try shares("""
            # from NGO interviews
            province,share,concentration
            Preah Sihanouk,0.4,30
            kh-20,0.25,
            tbong-khmum,0.2,30
            " Banteay Meanchey ",0.15,
            """)
        #expect(read.source == "shares.csv")
        #expect(read.concentration == 30)
        #expect(Set(read.shares.keys) == ["KH-18", "KH-20", "KH-25", "KH-1"])
        #expect(abs(read.share(for: "KH-18") - 0.4) < 1e-15)
        #expect(abs(read.share(for: "KH-1") - 0.15) < 1e-15)
        #expect(read.share(for: "KH-12") == 0)
        #expect(abs(read.shares.values.reduce(0, +) - 1) < 1e-15)
    }

    @Test("percentages and counts normalise; a listed 0 is left out; the default concentration applies")
    func percentagesNormalise() throws {
        let read = try shares("Share,Province,note\n30,Kandal,a\n50,KH-12,b\n20,Svay Rieng,c\n0,Kep,d\n")
        #expect(read.concentration == ProvinceShares.defaultConcentration)
        #expect(read.concentration == 20)
        #expect(read.shares == ["KH-8": 0.3, "KH-12": 0.5, "KH-20": 0.2])
        let counts = try shares("province,share,concentration\nKandal,3,\nKep,1,\n")
        #expect(counts.shares.keys.sorted() == ["KH-23", "KH-8"])
        #expect(abs(counts.share(for: "KH-8") - 0.75) < 1e-15 && abs(counts.share(for: "KH-23") - 0.25) < 1e-15)
        #expect(counts.concentration == 20)
        #expect(counts == ProvinceShares(shares: ["KH-8": 6, "KH-23": 2], concentration: 20, source: "shares.csv"))
    }

    @Test("huge finite shares normalise without overflow")
    func hugeShares() throws {
        let read = try shares("province,share\nKandal,1e308\nKep,1e308\n")
        #expect(read.shares == ["KH-8": 0.5, "KH-23": 0.5])
    }

    @Test("Dirichlet parameters follow the codes' order, with the floor")
    func dirichletParameters() throws {
        let read = try shares("province,share,concentration\nKandal,50,8\nKep,25,\nKampot,25,\n")
        #expect(read.dirichletParameters(for: ["KH-23", "KH-12", "KH-8", "KH-7"], floor: 0.5) == [2, 0.5, 4, 2])
        #expect(read.dirichletParameters(for: ["KH-23"], floor: 3) == [3])
        #expect(read.dirichletParameters(for: [], floor: 0.5) == [])
    }

    @Test("the gazetteer prior weighs each mentioned province 4, every other 1")
    func gazetteerPrior() throws {
        let prior = ProvinceShares.gazetteerPrior(Self.gazetteer)
        #expect(prior.source == "gazetteer concentrations (cambodia-provinces.csv)")
        #expect(prior.concentration == 20)
        #expect(prior.shares.count == 25)
        let mentioned = Self.gazetteer.provinces.filter { $0.hubMentions != nil }.map(\.isoCode)
        #expect(mentioned == ["KH-1", "KH-8", "KH-11", "KH-12", "KH-18", "KH-20", "KH-25"])
        let total = 18.0 + 7 * ProvinceShares.mentionWeight   // 46
        for province in Self.gazetteer.provinces {
            let expected = (province.hubMentions == nil ? 1 : 4) / total
            #expect(abs(prior.share(for: province.isoCode) - expected) < 1e-15, "\(province.name)")
        }
        #expect(abs(prior.share(for: "KH-12") / prior.share(for: "KH-2") - 4) < 1e-12)
        #expect(abs(prior.shares.values.reduce(0, +) - 1) < 1e-14)
        let firm = ProvinceShares.gazetteerPrior(Self.gazetteer, concentration: 46)
        #expect(firm.dirichletParameters(for: ["KH-12", "KH-2"], floor: 0).map { ($0 * 1e12).rounded() / 1e12 } == [4, 1])
    }

    @Test("a missing column lists the columns there are")
    func missingColumn() {
        let error = sharesError("province,weight\nKandal,1\n")
        #expect(error?.kind == .missingColumn)
        #expect(error?.description
            == #"shares.csv:1: no column named "share"; the columns are "province", "weight"; expected the columns province,share and optionally concentration"#)
        #expect(sharesError("# note\nregion,share\nKandal,1\n")?.description
            == #"shares.csv:2: no column named "province"; the columns are "region", "share"; expected the columns province,share and optionally concentration"#)
    }

    @Test("a column named twice")
    func duplicateColumn() {
        let error = sharesError("province,share,Share\nKandal,1,2\n")
        #expect(error?.kind == .duplicateColumn)
        #expect(error?.description == #"shares.csv:1:3: column name "share" appears twice (columns 2 and 3); expected each column name once"#)
    }

    @Test("a row with too many or too few fields")
    func fieldCount() {
        let more = sharesError("province,share\nKandal,1\nKep,1,2\n")
        #expect(more?.kind == .fieldCount)
        #expect(more?.description == "shares.csv:3:3: 3 fields; expected 2 as in the header (a value containing a comma must be in double quotes)")
        #expect(sharesError("province,share,concentration\nKandal,1\n")?.description
            == "shares.csv:2: 2 fields; expected 3 as in the header")
    }

    @Test("an unknown province, with and without a suggestion, and an empty one")
    func unknownProvince() {
        let error = sharesError("share,province\n1,Kandal\n2,Mondolkiri\n")
        #expect(error?.kind == .unknownProvince)
        #expect(error?.description == #"shares.csv:3:2: unknown province "Mondolkiri"; did you mean Mondulkiri (KH-11)?"#)
        #expect(sharesError("province,share\nAtlantis,1\n")?.description
            == #"shares.csv:2:1: unknown province "Atlantis"; expected a province name or ISO 3166-2:KH code, such as Svay Rieng or KH-20"#)
        #expect(sharesError("province,share\nKH-99,1\n")?.description
            == #"shares.csv:2:1: unknown province "KH-99"; expected a province name or ISO 3166-2:KH code, such as Svay Rieng or KH-20"#)
        let empty = sharesError("province,share\n  ,1\n")
        #expect(empty?.kind == .unknownProvince)
        #expect(empty?.description
            == "shares.csv:2:1: the province is empty; expected a province name or ISO 3166-2:KH code, such as Svay Rieng or KH-20")
    }

    @Test("the same province twice, by name and by code, names both lines")
    func duplicateProvince() {
        let error = sharesError("province,share\nSvay Rieng,1\nKandal,2\n\nKH-20,3\n")
        #expect(error?.kind == .duplicateProvince)
        #expect(error?.description == "shares.csv:5:1: Svay Rieng (KH-20) is on lines 2 and 5; expected one row per province")
    }

    @Test("a share that is not a finite number of at least 0")
    func invalidShare() {
        let expected = "expected a number of at least 0, such as 0.3 or 30"
        for (field, found) in [("30%", #""30%" is not a share"#), ("inf", #""inf" is not a share"#),
                               ("nan", #""nan" is not a share"#), ("0x10", #""0x10" is not a share"#),
                               ("1e999", #""1e999" is not a share"#), ("-0.2", "share -0.2 is below 0")] {
            let error = sharesError("province,share\nKandal,1\nKep,\(field)\n")
            #expect(error?.kind == .invalidShare)
            #expect(error?.description == "shares.csv:3:2: \(found); \(expected)")
        }
        #expect(sharesError("province,share\nKandal,\"1\u{0}7\"\n")?.description
            == #"shares.csv:2:2: "1\07" is not a share; expected a number of at least 0, such as 0.3 or 30"#)
        #expect(sharesError("province,share\nKandal, \n")?.description
            == "shares.csv:2:2: the share is empty; \(expected) (write 0 for a province without a share)")
    }

    @Test("shares that are all 0")
    func allZero() {
        let error = sharesError("# prior\nprovince,share\nKandal,0\nKep,-0\n")
        #expect(error?.kind == .invalidShare)
        #expect(error?.description
            == "shares.csv:2:2: every share is 0; expected at least one share above 0 (shares are normalised to sum to 1)")
    }

    @Test("a concentration that is not above 0, or that differs between rows")
    func invalidConcentration() {
        for field in ["0", "-5", "abc", "inf"] {
            let error = sharesError("province,share,concentration\nKandal,1,20\nKep,1,\(field)\n")
            #expect(error?.kind == .invalidConcentration)
            #expect(error?.description
                == #"shares.csv:3:3: "\#(field)" is not a concentration; expected a number above 0, such as 20 (the prior's total pseudo-count)"#)
        }
        let differing = sharesError("concentration,province,share\n20,Kandal,1\n,Kep,1\n20.0,Kampot,1\n30,Takeo,1\n")
        #expect(differing?.kind == .invalidConcentration)
        #expect(differing?.description
            == "shares.csv:5:1: concentration 30 differs from 20 on line 2; expected one concentration for the whole prior, the same on every row (or on one row only)")
    }

    @Test("a header without rows")
    func noRows() {
        let error = sharesError("# prior\nprovince,share\n\n")
        #expect(error?.kind == .noRows)
        #expect(error?.description
            == "shares.csv:2: the file has a header but no rows; expected one row per province, such as Svay Rieng,0.3")
    }

    @Test("a file that cannot be opened")
    func unreadable() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("absent.csv")
            #expect(throws: DataError.self) {
                try ProvinceShares(contentsOf: url, gazetteer: Self.gazetteer)
            }
        }
    }
}

import Foundation
import InflowCore
import Testing
@testable import InflowData

/// Inputs that used to be read as something else, each a regression test: a count cut short at a NUL byte,
/// a row dated decades from the others, absurd counts, cumulative totals dated before their origin; and
/// messages that quote at most 80 characters of a field and a few column names. `check` (collecting) and
/// the loader (throwing) report the same error.
@Suite("No silent misreads")
struct PlausibilityTests {
    /// The error the loader throws and the first error `check` lists, which must agree on the line.
    static func bothErrors(_ csv: String, options: LoadOptions = LoadOptions()) throws -> DataError {
        let error = try #require(loadError(csv, options: options))
        let issues = DataCheck.check(csv: csv, name: "data.csv", options: options, now: testNow)
        let first = try #require(issues.first { $0.severity == .error })
        #expect(first.line == error.line && first.column == error.column && first.message == error.message)
        return error
    }

    @Test func aNulByteInsideACountIsAnErrorNotATruncatedNumber() throws {
        let error = try Self.bothErrors("date,count\n2026-01-16,90\n2026-01-17,9\u{0}7\n2026-01-18,120\n")
        #expect(error.kind == .invalidNumber)
        #expect(error.line == 3 && error.column == 2)
        #expect(error.message.contains("\"9\\07\""))
        #expect(!error.message.contains("\u{0}"))
    }

    @Test func numbersAreWholeDecimalFields() {
        for text in ["243", "1440.5", "-3", "+2", ".5", "5.", "1e3", "1E+3", "2.5e-1"] {
            #expect(LoadSession.isDecimalNumber(text), "\(text)")
        }
        for text in ["9\u{0}7", "0x10", "inf", "nan", "1e", "e3", ".", "-", "1.2.3", "12a", "1,440", "1e3.5", "١٢"] {
            #expect(!LoadSession.isDecimalNumber(text), "\(text)")
        }
    }

    @Test func aRowDatedDecadesFromTheOthersIsAnErrorNamingIt() throws {
        let csv = "date,count\n2026-01-16,90\n1970-01-01,5\n2026-01-17,97\n2026-01-18,120\n"
        let error = try Self.bothErrors(csv)
        #expect(error.kind == .implausibleTime)
        #expect(error.line == 3 && error.column == 1)
        #expect(error.message.contains("1970-01-01 is 20,470 days from the middle of the file's times (2026-01-17)"))
        // No warning about 20,000 skipped dates alongside it.
        #expect(!DataCheck.check(csv: csv, now: testNow).contains { $0.message.contains("skip") })
        // A longer span is accepted when it is allowed.
        var options = LoadOptions()
        options.maximumSpanDays = 30_000
        #expect(loadError(csv, options: options) == nil)
    }

    @Test func absurdCountsAreErrors() throws {
        for value in ["1e20", "1e308", "10000001"] {
            let error = try Self.bothErrors("date,count\n2026-01-16,90\n2026-01-17,\(value)\n")
            #expect(error.kind == .implausibleValue)
            #expect(error.line == 3 && error.column == 2)
            #expect(error.message.contains("plausibility limit of 10,000,000"))
        }
        let cumulative = try Self.bothErrors("as_of,cumulative_since_2026_01_16\n2026-01-17,243\n2026-01-18,1e20\n")
        #expect(cumulative.kind == .implausibleValue && cumulative.message.hasPrefix("cumulative total"))
        var options = LoadOptions()
        options.maximumValue = 1e21
        #expect(loadError("date,count\n2026-01-16,90\n2026-01-17,1e20\n", options: options) == nil)
    }

    @Test func cumulativeTotalsBeforeTheirOriginAreErrors() throws {
        let error = try Self.bothErrors("as_of,cumulative_since_2026_01_16\n1000-01-17,10\n1000-01-18,20\n")
        #expect(error.kind == .implausibleTime)
        #expect(error.line == 2)
        #expect(error.message.contains("1000-01-17 is before 2026-01-16"))
    }

    @Test func tooFewObservationsToFitAreSaidByCheck() throws {
        let few = try SeriesLoader(now: testNow).load(csv: "date,count\n2026-01-16,3\n2026-01-17,9\n2026-01-18,20\n", name: "few.csv")
        let warning = try #require(few.warnings.first { $0.kind == .fewObservations })
        #expect(warning.line == 4)
        #expect(warning.message.hasPrefix("only 3 usable observations: the default models have 4 or 5 parameters"))
        let enough = try SeriesLoader(now: testNow).load(
            csv: "date,count\n2026-01-16,3\n2026-01-17,9\n2026-01-18,20\n2026-01-19,26\n2026-01-20,30\n", name: "five.csv")
        #expect(!enough.warnings.contains { $0.kind == .fewObservations })
    }

    @Test func datesBefore1583AreProlepticGregorian() {
        let day = CivilDate(year: 1000, month: 1, day: 16)
        let midnight = TimeText.startOfDay(day, in: LoadOptions.utc)
        #expect(TimeText.civil(midnight, in: LoadOptions.utc).date == day)
        #expect(TimeText.text(midnight, in: LoadOptions.utc, dateOnly: true) == "1000-01-16")
        let zero = TimeText.startOfDay(CivilDate(year: 0, month: 1, day: 16), in: phnomPenh)
        #expect(TimeText.text(zero, in: phnomPenh) == "0000-01-16T00:00")
    }

    @Test func messagesQuoteAtMost80CharactersOfAFieldAndAFewColumnNames() throws {
        let field = String(repeating: "x", count: 100_000)
        let error = try Self.bothErrors("date,count\n2026-01-16,\(field)\n")
        #expect(error.message.count < 200)
        let header = "date," + (1...10_000).map { "c\($0)" }.joined(separator: ",")
        let row = "2026-01-16," + Array(repeating: "1", count: 10_000).joined(separator: ",")
        var options = LoadOptions()
        options.valueColumn = "arrivals"
        let missing = try #require(loadError(header + "\n" + row + "\n", options: options))
        #expect(missing.kind == .missingColumn)
        #expect(missing.message.count < 300, "\(missing.message.count) characters")
        #expect(missing.message.contains("and 9,995 more"))
        #expect(LoadSession.quoted("a\u{1B}[31mred") == "a\\u{1B}[31mred")
    }

    // Found by the fuzz target (Fuzz/), each a regression test.

    /// The loader's error and `check`'s first error for raw bytes.
    static func bothErrors(bytes: [UInt8], options: LoadOptions = LoadOptions()) throws -> DataError {
        var thrown: DataError?
        do {
            _ = try SeriesLoader(options: options, now: testNow).load(from: CSVReader(bytes: bytes, name: "fuzz.csv"))
        } catch let error as DataError {
            thrown = error
        }
        let error = try #require(thrown)
        let issues = DataCheck.check(reader: CSVReader(bytes: bytes, name: "fuzz.csv", recovering: true), options: options,
                                     now: testNow)
        let first = try #require(issues.first { $0.severity == .error })
        #expect(first.line == error.line && first.column == error.column && first.message == error.message)
        return error
    }

    @Test func checkListsTheReadersErrorsBeforeTheOneThatStoppedIt() throws {
        let error = try Self.bothErrors(bytes: Array("# caf".utf8) + [0xE9, 0x0A])
        #expect(error.kind == .invalidUTF8 && error.line == 1)
    }

    @Test func dayNumbersTooLargeForAnIntegerAreErrorsNotCrashes() throws {
        let huge = try Self.bothErrors("day,arrivals\n0,5\n10000000000000000000,3\n")
        #expect(huge.kind == .implausibleTime)
        let infinite = try Self.bothErrors("day,arrivals\n1" + String(repeating: "0", count: 305) + ",5\n2,3\n")
        #expect(infinite.kind == .invalidTime && infinite.line == 2)
    }

    @Test func repeatedCountsAreSummedWithinTheLimit() throws {
        let error = try Self.bothErrors("date,arrivals\n2026-01-17,6000000\n2026-01-17,6000000\n")
        #expect(error.kind == .implausibleValue && error.line == 3)
        #expect(error.message.contains("add up to 12000000 with line 2"))
    }

    @Test func theKeysCumulativeTotalIsNeverNegative() throws {
        let csv = "date,province,cumulative\n2026-01-17,Kandal,0.3\n2026-01-18,Takeo,0.6\n2026-01-19,Kandal,0\n2026-01-20,Takeo,0\n"
        let data = try SeriesLoader(options: LoadOptions(keyColumns: ["province"]), now: testNow).load(csv: csv, name: "data.csv")
        let total = try #require(data.total)
        #expect(total.values.allSatisfy { ($0 ?? 0) >= 0 }, "\(total.values)")
    }

    @Test func quotedTextStaysWithinItsLimitAfterEscaping() {
        let controls = String(repeating: "\u{1}", count: 80)
        let shown = LoadSession.quoted(controls)
        #expect(shown.count <= 80 && shown.hasPrefix("\\u{1}") && shown.hasSuffix("..."))
        #expect(LoadSession.quoted(String(repeating: "x", count: 80)) == String(repeating: "x", count: 80))
        let header = (1...9).map { _ in String(repeating: "\u{1}", count: 80) }.joined(separator: ",")
        let error = try? #require(loadError(header + "\n1,2,3,4,5,6,7,8,9\n"))
        #expect((error?.message.count ?? 0) < 600, "\(error?.message.count ?? 0) characters")
    }

    @Test func keyNamesInMessagesAreQuoted() throws {
        let csv = "date,site,cumulative\n2026-01-17,\"A\nB\",5\n2026-01-17,\"A\nB\",6\n"
        let error = try Self.bothErrors(csv, options: LoadOptions(keyColumns: ["site"]))
        #expect(error.kind == .duplicateTime)
        #expect(!error.message.contains("\n") && error.message.contains("A\\nB"))
    }
}

import InflowCore

extension DataWarning {
    /// The kinds of oddity the loader handles and reports.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A cumulative total is below the previous one. It is kept as published; the series rules of
        /// `InflowModels` (see `InflowSeries.prepared()`) read it as a correction of the earlier totals.
        case decreasingCumulative
        /// Daily counts skip one or more dates. Missing dates are left out of the fit, not read as zero.
        case gap
        /// Several rows of counts share a time and key; their counts were added together.
        case summedDuplicates
        /// The file's own total rows (key `Total`) differ from the sum of the keys; both are kept.
        case totalDiffers
        /// A key looks like a subtotal (`Total` in some key columns); it is read as a key of its own.
        case subtotalKey
        /// A value of a province column is not in the gazetteer; the nearest name is suggested. The key is kept.
        case unknownProvince
        /// A key has one observation, or no arrivals at all; it is kept, and its projection leans on the other
        /// keys (partial pooling).
        case sparseKey
        /// The series (the total, with keys) has fewer usable observations than the smallest default model has
        /// parameters, so `project` can fit it only with fixed parameters or a stated background.
        case fewObservations
        /// Rows of one series are not in time order; they are sorted by time (said once, at the first such row).
        case unsortedRows
        /// The keys' figures summed at one time include both a lower and an upper bound, so their sum is neither
        /// an exact figure nor a bound: the summed total leaves that time out (missing).
        case mixedFigureKinds
        /// Times with a clock time but no UTC offset were read as UTC because the load options gave no time zone
        /// (``LoadOptions/givenTimeZone`` is `nil`). The warning names a UTC offset or time zone the file's comment
        /// lines mention, which is not applied; set ``LoadOptions/timeZone`` to the figures' clock. Dates without a
        /// clock time are not warned about: they name the same days in any time zone. Said once per file.
        case timesReadAsUTC
    }
}

import Foundation
import InflowCore

/// What an archived run records besides its forecasts: enough to know what it was, what it knew and how to
/// run it again (`metadata.json` in the run's directory, written last: a run without it is incomplete).
public struct ArchiveRunMetadata: Sendable, Codable, Equatable {
    /// The run's identity within its reference date: `20260125T093000Z-3fa2c1d0` (the time of the run, UTC, and
    /// the first 8 hex digits of the SHA-256 of its model-output file).
    public var runID: String
    /// The hubverse `model_id` of its forecasts (`inflow-ensemble`).
    public var modelID: String
    /// The hub reference date: the last day with data, in the data's time zone (`2026-01-24`).
    public var referenceDate: String
    /// When the run was made (ISO 8601, UTC).
    public var createdAt: String
    /// The version of Inflow that made it.
    public var inflowVersion: String
    /// The input file's name as given, and the SHA-256 of its bytes (64 hex digits).
    public var inputName: String
    /// The SHA-256 of the input file's bytes (64 hex digits).
    public var inputSHA256: String
    /// The data's time zone (an identifier or `UTC+07:00`), in which its dates are read.
    public var timeZone: String
    /// Seconds east of UTC of the data's time zone at the reference date.
    public var utcOffsetSeconds: Int
    /// The seed of the run's random streams.
    public var seed: UInt64
    /// The run's options, by name (families, error, horizon, replicates, ensemble, background, knowledge...).
    public var options: [String: String]
    /// The command line, when the run came from the `inflow` command.
    public var commandLine: [String]?
    /// The models fitted, by identifier, and the weight of each in the headline (0 for those not mixed).
    public var models: [ArchivedModelWeight]
    /// How the weights were chosen (`stacking`, `AICc`...).
    public var weighting: String
    /// The name of the series and the kind of its figures (`cumulative`, `counts`).
    public var seriesName: String
    /// The kind of the series' figures (`cumulative`, `counts`).
    public var observationKind: String
    /// End of the last observation (ISO 8601 with offset): the first projected period starts here.
    public var lastObservation: String
    /// The figures the run was fitted to.
    public var observations: [ArchivedObservation]
    /// The hub locations of its forecasts.
    public var locations: [String]
    /// The names of the files in the run's directory.
    public var files: [String]

    /// Metadata of a run.
    public init(runID: String, modelID: String, referenceDate: String, createdAt: String, inflowVersion: String,
                inputName: String, inputSHA256: String, timeZone: String, utcOffsetSeconds: Int, seed: UInt64,
                options: [String: String], commandLine: [String]?, models: [ArchivedModelWeight], weighting: String,
                seriesName: String, observationKind: String, lastObservation: String,
                observations: [ArchivedObservation], locations: [String], files: [String]) {
        self.runID = runID
        self.modelID = modelID
        self.referenceDate = referenceDate
        self.createdAt = createdAt
        self.inflowVersion = inflowVersion
        self.inputName = inputName
        self.inputSHA256 = inputSHA256
        self.timeZone = timeZone
        self.utcOffsetSeconds = utcOffsetSeconds
        self.seed = seed
        self.options = options
        self.commandLine = commandLine
        self.models = models
        self.weighting = weighting
        self.seriesName = seriesName
        self.observationKind = observationKind
        self.lastObservation = lastObservation
        self.observations = observations
        self.locations = locations
        self.files = files
    }
}

// Times Inflow's jobs for the peer comparisons.
// Usage: inflow-timing peers DIRECTORY   (the like-for-like jobs of peers/compare.py on the inputs peers/make_data.py
//                                         wrote there; see PeerTiming.swift)
//        inflow-timing [SERIES.csv]      (Inflow's own job list, LegacyJobs.swift)
//        inflow-timing mint MINT.json [REPETITIONS]   (MinTrace against hierarchicalforecast, for
//                                         peers/hierarchy/compare_mint.py; see MinTTiming.swift)
// Every mode prints one JSON object per job; INFLOW_TIMING_ONLY (comma-separated) runs only the named groups or jobs.
import Foundation
import Inflow

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "mint":
    try mintTiming(path: arguments.dropFirst().first ?? "../Tests/Reference/Data/hierarchy/mint.json",
                   repetitions: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5_001)
case "peers":
    guard let directory = arguments.dropFirst().first else {
        FileHandle.standardError.write("usage: inflow-timing peers DIRECTORY (see peers/compare.py)\n".data(using: .utf8)!)
        exit(64)
    }
    try PeerTiming(directory: directory).run()
default:
    try legacyJobs(path: arguments.first ?? "peers/logistic-nb2-60-days.csv")
}

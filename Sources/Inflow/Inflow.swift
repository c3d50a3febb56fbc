// The umbrella module: `import Inflow` brings in every public module of the toolkit.
@_exported import InflowCore
@_exported import InflowAnalysis
@_exported import InflowArchive
@_exported import InflowData
@_exported import InflowFitting
@_exported import InflowHierarchy
@_exported import InflowLinearAlgebra
@_exported import InflowModels
@_exported import InflowProjection
@_exported import InflowProvinces
@_exported import InflowReport
@_exported import InflowStatistics

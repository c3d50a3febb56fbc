// The umbrella module: `import Inflow` brings in every public module of the toolkit.
@_exported import InflowFitting
@_exported import InflowLinearAlgebra
@_exported import InflowModels
@_exported import InflowStatistics

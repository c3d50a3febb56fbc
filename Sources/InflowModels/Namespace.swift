// InflowModels

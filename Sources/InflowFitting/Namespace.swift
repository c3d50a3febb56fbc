// InflowFitting

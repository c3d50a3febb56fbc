import InflowCore

extension CurveFamily {
    /// Fits the family to a series.
    ///
    /// Procedure: prepare the observations (``/InflowCore/InflowSeries/prepared()``), build the
    /// likelihood (``CurveLikelihood``), run Levenberg–Marquardt (damped Gauss–Newton /
    /// Fisher scoring) from the data-driven starting points, screened by their objective and
    /// tried best first until two runs converge to the same lowest objective (or every start
    /// has been tried), and keep the best. Negative binomial fits run that search on the
    /// Poisson likelihood, then start NB2 from the best Poisson fit with the moment estimate of
    /// `theta`. The covariance is then computed as ``FitOptions/covariance`` says.
    ///
    /// - Throws: ``CurveFitError`` when the fit cannot start (unknown parameter names,
    ///   fewer observations than free parameters, no arrivals at all). Everything else ends
    ///   in a ``FitStatus``: a fit that did not converge or is not identifiable says so.
    public func fit(_ series: InflowSeries, error: ErrorFamily = .poisson,
                    options: FitOptions = FitOptions()) throws(CurveFitError) -> CurveFit {
        try fit(series.prepared(), error: error, options: options)
    }

    /// Fits the family to prepared observations. See ``fit(_:error:options:)-(InflowSeries,_,_)``.
    public func fit(_ observations: PreparedObservations, error: ErrorFamily = .poisson,
                    options: FitOptions = FitOptions()) throws(CurveFitError) -> CurveFit {
        try CurveFamilies.visit(self, FitVisitor(error: error, options: options, observations: observations)).get()
    }
}

/// Runs ``CurveFitter`` with the family's concrete type.
struct FitVisitor: CurveFamilyVisitor {
    let error: ErrorFamily
    let options: FitOptions
    let observations: PreparedObservations

    func visit<Family: CurveFamily>(_ family: Family) -> Result<CurveFit, CurveFitError> {
        Result { () throws(CurveFitError) -> CurveFit in
            try CurveFitter(family: family, error: error, options: options, observations: observations).run()
        }
    }
}

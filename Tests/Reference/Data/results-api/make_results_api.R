# Reference values for the results API (issue 19, item 3): link-scale predictions with standard errors,
# Pearson and deviance residuals, and the ends of the randomised quantile residuals, from R's glm and
# MASS::glm.nb on a fourteen-day count series.
#
#     Rscript make_results_api.R > results_api.json
#
# Models (days t = 0..13, daily counts y, offset 0 since every period is one day):
#   poissonQuadratic: glm(y ~ t + I(t^2), family = poisson)           (Inflow: LogLinearModel(basis: .polynomial(degree: 2)))
#   nb2Spline:        glm.nb(y ~ ns(t, df = 3))                        (Inflow: LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 3)))
# ns(t, df = 3) puts its interior knots at the 1/3 and 2/3 quantiles of t and its boundary knots at the range,
# as Inflow's FittedTimeBasis does; the two bases span the same space, so fitted values, link-scale predictions
# and their standard errors agree although the coefficients differ.
# predict(type = "link", se.fit = TRUE) at new times: eta = x^T b and se = sqrt(x^T V x) with V = vcov(fit)
# (glm.nb: theta held at its estimate, dispersion 1). Rate interval: exp(eta -/+ qnorm(0.975) se).
# Residuals: residuals(fit, type = "pearson" / "deviance" / "response").
# Randomised quantile residuals (Dunn & Smyth 1996) lie between qnorm(F(y - 1)) and qnorm(F(y)); mid-PIT is
# (F(y - 1) + F(y)) / 2, with F the fitted Poisson or NB2 distribution function.
# Runs test of the signs of the Pearson residuals (Wald-Wolfowitz, normal approximation without continuity
# correction): runs R, E = 2 n1 n2 / n + 1, Var = 2 n1 n2 (2 n1 n2 - n) / (n^2 (n - 1)), z = (R - E) / sqrt(Var).
suppressPackageStartupMessages({ library(MASS); library(splines) })

t <- 0:13
y <- c(12, 45, 28, 110, 140, 265, 150, 250, 190, 115, 112, 58, 55, 22)
newTimes <- c(0, 2.5, 6, 13, 14, 16.5)

num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")

runsTest <- function(r) {
  s <- sign(r); s <- s[s != 0]
  n1 <- sum(s > 0); n2 <- sum(s < 0); n <- n1 + n2
  runs <- 1 + sum(s[-1] != s[-length(s)])
  e <- 2 * n1 * n2 / n + 1
  v <- 2 * n1 * n2 * (2 * n1 * n2 - n) / (n^2 * (n - 1))
  z <- (runs - e) / sqrt(v)
  c(runs = runs, expected = e, variance = v, z = z, p = 2 * pnorm(-abs(z)))
}

block <- function(fit, cdf) {
  p <- predict(fit, newdata = data.frame(t = newTimes), type = "link", se.fit = TRUE)
  z <- qnorm(0.975)
  mu <- fitted(fit)
  lowerF <- ifelse(y > 0, cdf(y - 1, mu), 0)
  upperF <- cdf(y, mu)
  pr <- residuals(fit, type = "pearson")
  rt <- runsTest(pr)
  n <- length(y); k <- length(coef(fit))
  paste0("{\n",
    "  \"times\": ", num(newTimes), ",\n",
    "  \"eta\": ", num(p$fit), ",\n",
    "  \"seFit\": ", num(p$se.fit), ",\n",
    "  \"rate\": ", num(exp(p$fit)), ",\n",
    "  \"lower95\": ", num(exp(p$fit - z * p$se.fit)), ",\n",
    "  \"upper95\": ", num(exp(p$fit + z * p$se.fit)), ",\n",
    "  \"fitted\": ", num(mu), ",\n",
    "  \"response\": ", num(residuals(fit, type = "response")), ",\n",
    "  \"pearson\": ", num(pr), ",\n",
    "  \"deviance\": ", num(residuals(fit, type = "deviance")), ",\n",
    "  \"quantileLower\": ", num(qnorm(lowerF)), ",\n",
    "  \"quantileUpper\": ", num(qnorm(upperF)), ",\n",
    "  \"midPIT\": ", num((lowerF + upperF) / 2), ",\n",
    "  \"dispersion\": ", sprintf("%.17g", sum(pr^2) / (n - k)), ",\n",
    "  \"runs\": ", sprintf("%.17g", rt["runs"]), ",\n",
    "  \"runsExpected\": ", sprintf("%.17g", rt["expected"]), ",\n",
    "  \"runsZ\": ", sprintf("%.17g", rt["z"]), ",\n",
    "  \"runsP\": ", sprintf("%.17g", rt["p"]), ",\n",
    "  \"logLik\": ", sprintf("%.17g", as.numeric(logLik(fit))), ",\n",
    "  \"aic\": ", sprintf("%.17g", AIC(fit)), ",\n",
    "  \"devianceTotal\": ", sprintf("%.17g", deviance(fit)), ",\n",
    "  \"dfResidual\": ", df.residual(fit))
}

pois <- glm(y ~ t + I(t^2), family = poisson)
nb <- glm.nb(y ~ ns(t, df = 3))
nbTheta <- nb$theta
cat("{\n",
    "\"generatedBy\": \"", R.version.string, ", MASS ", as.character(packageVersion("MASS")), "\",\n",
    "\"days\": ", num(t), ",\n",
    "\"counts\": ", num(y), ",\n",
    "\"poissonQuadratic\": ", block(pois, function(q, mu) ppois(q, mu)), "\n},\n",
    "\"nb2Spline\": ", block(nb, function(q, mu) pnbinom(q, size = nbTheta, mu = mu)),
    ",\n  \"theta\": ", sprintf("%.17g", nbTheta), "\n}\n}\n", sep = "")

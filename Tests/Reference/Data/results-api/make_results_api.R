# Reference values for the results API (issue 19, item 3): link-scale predictions with standard errors,
# Pearson and deviance residuals, and the ends of the randomised quantile residuals, from R's glm and
# MASS::glm.nb on a fourteen-day count series; and the mean curve of a logistic Poisson fit with delta-method
# intervals, fitted by Fisher scoring written out below.
#
#     Rscript make_results_api.R > results_api.json     (null: a value that is not a number, such as a log-scale interval around 0)
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
# Log-likelihood with every constant from dpois / dnbinom at the fitted means; AIC = -2 l + 2 (p + 1 for theta).
# Runs test of the signs of the Pearson residuals (Wald-Wolfowitz, normal approximation without continuity
# correction): runs R, E = 2 n1 n2 / n + 1, Var = 2 n1 n2 (2 n1 n2 - n) / (n^2 (n - 1)), z = (R - E) / sqrt(Var).
suppressPackageStartupMessages({ library(MASS); library(splines) })

t <- 0:13
y <- c(12, 45, 28, 110, 140, 265, 150, 250, 190, 115, 112, 58, 55, 22)
newTimes <- c(0, 2.5, 6, 13, 14, 16.5)

num <- function(x) paste0("[", paste(ifelse(is.finite(x), sprintf("%.17g", x), "null"), collapse = ", "), "]")

runsTest <- function(r) {
  s <- sign(r); s <- s[s != 0]
  n1 <- sum(s > 0); n2 <- sum(s < 0); n <- n1 + n2
  runs <- 1 + sum(s[-1] != s[-length(s)])
  e <- 2 * n1 * n2 / n + 1
  v <- 2 * n1 * n2 * (2 * n1 * n2 - n) / (n^2 * (n - 1))
  z <- (runs - e) / sqrt(v)
  c(runs = runs, expected = e, variance = v, z = z, p = 2 * pnorm(-abs(z)))
}

block <- function(fit, cdf, logDensity, extraParameters) {
  p <- predict(fit, newdata = data.frame(t = newTimes), type = "link", se.fit = TRUE, dispersion = 1)
  z <- qnorm(0.975)
  mu <- fitted(fit)
  lowerF <- ifelse(y > 0, cdf(y - 1, mu), 0)
  upperF <- cdf(y, mu)
  pr <- residuals(fit, type = "pearson")
  rt <- runsTest(pr)
  n <- length(y); k <- length(coef(fit))
  ll <- sum(logDensity(y, mu))
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
    "  \"logLik\": ", sprintf("%.17g", ll), ",\n",
    "  \"aic\": ", sprintf("%.17g", -2 * ll + 2 * (k + extraParameters)), ",\n",
    "  \"devianceTotal\": ", sprintf("%.17g", deviance(fit)), ",\n",
    "  \"dfResidual\": ", df.residual(fit))
}

# glm's default stopping rule (deviance change below 1e-8 relative) leaves the weights of the covariance, which
# R takes from the start of the last iteration, about 1e-4 relative from those at the optimum, and theta.ml's
# default tolerance (eps^0.25) leaves theta about 1e-8 relative from the maximum: both are tightened so that the
# values hold to 1e-10 relative. The NB2 fit alternates theta.ml and glm with negative.binomial(theta) until theta
# stops changing (the algorithm of glm.nb), and its standard errors take dispersion 1 (glm.nb's convention).
tight <- glm.control(epsilon = 1e-14, maxit = 200)
pois <- glm(y ~ t + I(t^2), family = poisson, control = tight)
nbTheta <- glm.nb(y ~ ns(t, df = 3))$theta
for (i in 1:100) {
  nb <- glm(y ~ ns(t, df = 3), family = negative.binomial(nbTheta), control = tight)
  previous <- nbTheta
  nbTheta <- as.numeric(theta.ml(y, fitted(nb), limit = 200, eps = 1e-12))
  if (abs(nbTheta - previous) < 1e-12 * nbTheta) break
}
nb <- glm(y ~ ns(t, df = 3), family = negative.binomial(nbTheta), control = tight)
# Logistic curve with Poisson counts, fitted by Fisher scoring in R: C(t) = K / (1 + exp(-r (t - t0))), the count of
# day t has mean mu = C(t + 1) - C(t) (Inflow's interval means), the covariance is the inverse expected information
# (J^T diag(1 / mu) J)^-1 (Inflow: FitOptions(covariance: .expected)). Mean curve at new times: the expected total
# since day 0, M(t) = C(t) - C(0), and the expected count of (t, t + 1], each with the delta-method standard error
# s = sqrt(g^T V g) (g the analytic gradient) and the log-scale interval m exp(-/+ z s / m).
logisticC <- function(p, t) p[1] / (1 + exp(-p[2] * (t - p[3])))
logisticGradient <- function(p, t) {
  s <- 1 / (1 + exp(-p[2] * (t - p[3])))
  cbind(s, p[1] * s * (1 - s) * (t - p[3]), -p[1] * p[2] * s * (1 - s))
}
theta <- c(1500, 0.7, 6)
for (i in 1:200) {
  mu <- logisticC(theta, t + 1) - logisticC(theta, t)
  J <- logisticGradient(theta, t + 1) - logisticGradient(theta, t)
  information <- t(J) %*% (J / mu)
  step <- solve(information, t(J) %*% ((y - mu) / mu))
  theta <- theta + as.vector(step)
  if (max(abs(step) / abs(theta)) < 1e-15) break
}
mu <- logisticC(theta, t + 1) - logisticC(theta, t)
J <- logisticGradient(theta, t + 1) - logisticGradient(theta, t)
V <- solve(t(J) %*% (J / mu))
curveBlock <- function() {
  z <- qnorm(0.975)
  total <- logisticC(theta, newTimes) - logisticC(theta, 0)
  gTotal <- logisticGradient(theta, newTimes) - matrix(logisticGradient(theta, 0), length(newTimes), 3, byrow = TRUE)
  count <- logisticC(theta, newTimes + 1) - logisticC(theta, newTimes)
  gCount <- logisticGradient(theta, newTimes + 1) - logisticGradient(theta, newTimes)
  seTotal <- sqrt(rowSums((gTotal %*% V) * gTotal))
  seCount <- sqrt(rowSums((gCount %*% V) * gCount))
  paste0("{\n",
    "  \"parameters\": ", num(theta), ",\n",
    "  \"total\": ", num(total), ",\n",
    "  \"totalSE\": ", num(seTotal), ",\n",
    "  \"totalLower95\": ", num(total * exp(-z * seTotal / total)), ",\n",
    "  \"totalUpper95\": ", num(total * exp(z * seTotal / total)), ",\n",
    "  \"count\": ", num(count), ",\n",
    "  \"countSE\": ", num(seCount), ",\n",
    "  \"countLower95\": ", num(count * exp(-z * seCount / count)), ",\n",
    "  \"countUpper95\": ", num(count * exp(z * seCount / count)), "\n}")
}

cat("{\n",
    "\"generatedBy\": \"", R.version.string, ", MASS ", as.character(packageVersion("MASS")), "\",\n",
    "\"days\": ", num(t), ",\n",
    "\"counts\": ", num(y), ",\n",
    "\"logisticPoisson\": ", curveBlock(), ",\n",
    "\"poissonQuadratic\": ", block(pois, function(q, mu) ppois(q, mu), function(q, mu) dpois(q, mu, log = TRUE), 0), "\n},\n",
    "\"nb2Spline\": ", block(nb, function(q, mu) pnbinom(q, size = nbTheta, mu = mu),
                          function(q, mu) dnbinom(q, size = nbTheta, mu = mu, log = TRUE), 1),
    ",\n  \"theta\": ", sprintf("%.17g", nbTheta), "\n}\n}\n", sep = "")

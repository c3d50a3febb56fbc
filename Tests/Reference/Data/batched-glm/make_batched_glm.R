# Reference fits for BatchedGLM (Tests/InflowFittingTests/BatchedGLMTests.swift), from R's glm.fit and MASS::glm.nb.
# Run from this directory:  Rscript make_batched_glm.R   (writes batched_glm.json)
# 24 series of 60 daily counts on one quadratic design (1, u, u^2), u = day / 59, simulated here from NB2 with
# series-specific curves and theta (R's RNG; the counts are written into the JSON, so the test needs no R).
# Fits with epsilon = 1e-12, tighter than the defaults, then polished by scoring steps on the exact score (see
# polish below), so the references sit at the optimum far below the test tolerance:
#   poisson:   glm.fit(X, y, family = poisson())                       coefficients, SEs (Fisher, below), deviance
#   nb_known:  glm.fit(X, y, family = MASS::negative.binomial(theta = 8))  the same at a known theta
#   nb:        MASS::glm.nb(y ~ u + I(u^2)), polished by 20 rounds of theta.ml (eps 1e-11, an absolute step in theta) and the fit at that
#              theta (glm.nb's own test cannot pass 1e-12 with a large theta): coefficients, SEs, deviance, theta
suppressMessages(library(MASS))
set.seed(20261205)
n <- 60; series <- 24
u <- (0:(n - 1)) / (n - 1)
X <- cbind(1, u, u^2)
counts <- matrix(0, n, series)
for (s in 1:series) {
  b0 <- runif(1, 1, 5); b1 <- runif(1, -2, 4); b2 <- runif(1, -4, 1)
  theta <- exp(runif(1, log(2), log(60)))
  counts[, s] <- rnbinom(n, mu = exp(b0 + b1 * u + b2 * u^2), size = theta)
}
ctl <- glm.control(epsilon = 1e-12, maxit = 100)
# Standard errors from the Fisher information X' W X at the fitted means, W = mu.eta^2 / variance (mu for Poisson,
# mu / (1 + mu / theta) for NB2). summary.glm's cov.unscaled reuses the QR of the last IRLS pass, whose weights
# are those of the iterate before the final one, so it lags the converged fit by about one step (~1e-7 here).
fisherErrors <- function(mu, family) {
  w <- family$mu.eta(family$linkfun(mu))^2 / family$variance(mu)
  unname(sqrt(diag(solve(crossprod(X, X * w)))))
}
# glm.fit's deviance test can pass while the score is still ~1e-8 (Fisher scoring on a non-canonical link, and a
# deviance change below its own rounding): finish with scoring steps on the exact score X' (y - mu) mu.eta / V
# until the step is below 1e-13 relative, and report the fit at that point ("converged" says whether it got there).
polish <- function(y, family, beta) {
  for (k in 1:50) {
    eta <- as.vector(X %*% beta); mu <- family$linkinv(eta); d <- family$mu.eta(eta); v <- family$variance(mu)
    step <- as.vector(solve(crossprod(X, X * (d^2 / v)), crossprod(X, (y - mu) * d / v)))
    beta <- beta + step
    if (all(abs(step) <= 1e-13 * pmax(abs(beta), 1))) break
  }
  mu <- family$linkinv(as.vector(X %*% beta))
  list(coefficients = unname(beta), standardErrors = fisherErrors(mu, family),
       deviance = sum(family$dev.resids(y, mu, rep(1, length(y)))), converged = k < 50)
}
fitOne <- function(y, family) polish(y, family, unname(glm.fit(X, y, family = family, control = ctl)$coefficients))
poisson <- lapply(1:series, function(s) fitOne(counts[, s], poisson()))
known <- lapply(1:series, function(s) fitOne(counts[, s], negative.binomial(theta = 8)))
nb <- lapply(1:series, function(s) {
  y <- counts[, s]
  fit <- glm.nb(y ~ u + I(u^2), control = glm.control(epsilon = 1e-10, maxit = 100))
  # glm.nb's alternation stops on |theta change| + relative log-likelihood change < epsilon, which a large
  # theta cannot reach at 1e-12; polish instead: theta.ml (Newton on the score) at the fitted means, then the
  # polished fit at that theta, 20 rounds.
  beta <- unname(coef(fit))
  for (k in 1:20) {
    theta <- theta.ml(y, as.vector(exp(X %*% beta)), limit = 100, eps = 1e-11)
    beta <- polish(y, negative.binomial(theta = theta), beta)$coefficients
  }
  c(polish(y, negative.binomial(theta = theta), beta), theta = theta)
})
num <- function(x) trimws(formatC(x, digits = 17, format = "g"))
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
fits <- function(list, withTheta = FALSE) paste0("[\n", paste(sapply(list, function(f) paste0(
  "    {\"coefficients\": ", vec(f$coefficients), ", \"standardErrors\": ", vec(f$standardErrors),
  ", \"deviance\": ", num(f$deviance), if (withTheta) paste0(", \"theta\": ", num(f$theta)) else "",
  ", \"converged\": ", tolower(f$converged), "}")), collapse = ",\n"), "\n  ]")
json <- paste0("{\n  \"generator\": \"make_batched_glm.R, ", R.version.string, ", MASS ", packageVersion("MASS"), "\",\n",
  "  \"design\": [", paste(apply(X, 1, vec), collapse = ", "), "],\n",
  "  \"counts\": [", paste(apply(counts, 2, vec), collapse = ",\n    "), "],\n",
  "  \"knownTheta\": 8,\n",
  "  \"poisson\": ", fits(poisson), ",\n  \"negativeBinomialKnown\": ", fits(known), ",\n",
  "  \"negativeBinomial\": ", fits(nb, TRUE), "\n}\n")
writeLines(json, "batched_glm.json")

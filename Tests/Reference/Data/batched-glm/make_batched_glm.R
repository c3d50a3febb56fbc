# Reference fits for BatchedGLM (Tests/InflowFittingTests/BatchedGLMTests.swift), from R's glm.fit and MASS::glm.nb.
# Run from this directory:  Rscript make_batched_glm.R   (writes batched_glm.json)
# 24 series of 60 daily counts on one quadratic design (1, u, u^2), u = day / 59, simulated here from NB2 with
# series-specific curves and theta (R's RNG; the counts are written into the JSON, so the test needs no R).
# Fits, all with epsilon = 1e-12 and maxit = 100 (tighter than the defaults so the references are converged
# far below the test tolerance):
#   poisson:   glm.fit(X, y, family = poisson())                       coefficients, SEs (summary.glm), deviance
#   nb_known:  glm.fit(X, y, family = MASS::negative.binomial(theta = 8))  the same at a known theta
#   nb:        MASS::glm.nb(y ~ u + I(u^2)), polished by 20 rounds of theta.ml (eps 1e-9, an absolute step in theta) and the fit at that
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
fitOne <- function(y, family) {
  fit <- glm.fit(X, y, family = family, control = ctl)
  class(fit) <- c("glm", "lm")
  cov <- summary.glm(fit, dispersion = 1)$cov.unscaled
  list(coefficients = unname(fit$coefficients), standardErrors = unname(sqrt(diag(cov))), deviance = fit$deviance,
       converged = fit$converged)
}
poisson <- lapply(1:series, function(s) fitOne(counts[, s], poisson()))
known <- lapply(1:series, function(s) fitOne(counts[, s], negative.binomial(theta = 8)))
nb <- lapply(1:series, function(s) {
  y <- counts[, s]
  fit <- glm.nb(y ~ u + I(u^2), control = glm.control(epsilon = 1e-10, maxit = 100))
  # glm.nb's alternation stops on |theta change| + relative log-likelihood change < epsilon, which a large
  # theta cannot reach at 1e-12; polish instead: theta.ml at the fitted means, then the fit at that theta.
  for (k in 1:20) {
    theta <- theta.ml(y, fitted(fit), limit = 100, eps = 1e-9)
    fit <- glm(y ~ u + I(u^2), family = negative.binomial(theta = theta), control = ctl, start = coef(fit))
    fit$theta <- theta
  }
  list(coefficients = unname(coef(fit)), standardErrors = unname(sqrt(diag(summary(fit, dispersion = 1)$cov.unscaled))),
       deviance = fit$deviance, theta = fit$theta, converged = fit$converged)
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

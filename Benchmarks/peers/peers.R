# R's side of the peer comparison: Rscript peers.R DIRECTORY (run by compare.py, which writes DIRECTORY with
# make_data.py, settings.csv and monotonic.so, and sets OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = MKL_NUM_THREADS = 1).
#
# Each job: `warmup` untimed calls, then `repetitions` calls each timed with CLOCK_MONOTONIC (monotonic.c), the median
# printed as one JSON line with the estimates and objectives, the same numbers inflow-timing prints. Jobs:
#   poisson-glm-9            glm.fit(X, y, poisson(), control = glm.control(epsilon, maxit)), X = [1, t, t^2]
#   nb2-glm-9                MASS::glm.nb(y ~ t + I(t^2), control = glm.control(epsilon, maxit))
#   ls-logistic-9            minpack.lm::nls.lm (residual function, analytic Jacobian) and nlsLM (formula, finite
#                            differences), ftol / ptol / gtol / factor from settings.csv
#   nb2-logistic-N-solver    optim(BFGS, analytic gradient, reltol = nb_ftol, parscale = |start|), no Hessian
#   nb2-logistic-N-single    the same with hessian = TRUE (finite differences of the analytic gradient, as Inflow's
#                            observed covariance)
#   poisson-glm-1000         glm.fit per series, design [1, x, x^2], x = t / 59
#   ls-logistic-1000         nls.lm per series from its start, analytic Jacobian
#   bootstrap-refits         optim(L-BFGS-B, analytic gradient, factr = refit_ftol / eps, pgtol = refit_gtol, Inflow's
#                            bounds, parscale = |start|) per replicate, from the 60-day estimate
# INFLOW_TIMING_ONLY (comma-separated job names) runs only those.
suppressPackageStartupMessages({ library(MASS); library(minpack.lm) })

args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
dyn.load(file.path(dir, "monotonic.so"))
now <- function() .C("inflow_monotonic_seconds", seconds = 0)$seconds
settings <- read.csv(file.path(dir, "settings.csv"))
setting <- function(name) settings$value[settings$name == name]
only <- Sys.getenv("INFLOW_TIMING_ONLY")
selected <- function(job) only == "" || job %in% strsplit(only, ",")[[1]]

time_median <- function(repetitions, warmup, body) {
  for (i in seq_len(warmup)) body()
  times <- numeric(repetitions)
  for (i in seq_len(repetitions)) {
    start <- now()
    body()
    times[i] <- now() - start
  }
  median(times)
}

json_numbers <- function(x) paste0("[", paste(ifelse(is.finite(x), sprintf("%.17g", x), "null"), collapse = ", "), "]")
emit <- function(job, peer, seconds, repetitions, estimates, objectives, converged, detail) {
  cat(sprintf('{"job": "%s", "side": "%s", "seconds": %.9g, "repetitions": %d, "estimates": %s, "objectives": %s, "converged": %d, "detail": "%s"}\n',
              job, peer, seconds, repetitions, json_numbers(estimates), json_numbers(objectives), converged, detail))
  flush(stdout())
}

small_n <- setting("repetitions_small"); small_warm <- setting("warmup_small")
large_n <- setting("repetitions_large"); large_warm <- setting("warmup_large")
glm_control <- glm.control(epsilon = setting("irls_tolerance"), maxit = setting("irls_maxit"))
nine <- read.csv(file.path(dir, "nine.csv"))$count
sixty <- read.csv(file.path(dir, "sixty.csv"))$count
starts <- read.csv(file.path(dir, "starts.csv"))
start_of <- function(job) unlist(starts[starts$job == job, c("K", "r", "t0", "log_theta")])

# The logistic daily means mu_d = C(d + 1) - C(d) and their derivatives (logistic_nb2.py states the formulas).
boundaries <- function(p, n) {
  t <- 0:n
  s <- plogis(p[2] * (t - p[3]))
  slope <- s * (1 - s)
  list(value = p[1] * s, gradient = cbind(s, p[1] * slope * (t - p[3]), -p[1] * p[2] * slope))
}
means <- function(p, n) { b <- boundaries(p, n)$value; b[-1] - b[-(n + 1)] }
means_jacobian <- function(p, n) { g <- boundaries(p, n)$gradient; g[-1, , drop = FALSE] - g[-(n + 1), , drop = FALSE] }
nb2_nll <- function(p, y) {
  mu <- means(p, length(y)); theta <- exp(p[4])
  if (any(!(mu > 0))) return(1e300)  # outside the model (a zero mean at r = 0): L-BFGS-B needs a finite value
  -sum(lgamma(y + theta) - lgamma(theta) - lgamma(y + 1) + theta * log(theta / (theta + mu)) + y * log(mu / (theta + mu)))
}
nb2_gradient <- function(p, y) {
  n <- length(y); mu <- means(p, n); jac <- means_jacobian(p, n); theta <- exp(p[4])
  ratio <- (y + theta) / (theta + mu)
  c(-colSums((y / mu - ratio) * jac),
    -theta * sum(digamma(y + theta) - digamma(theta) + log(theta / (theta + mu)) + 1 - ratio))
}
ls_control <- nls.lm.control(ftol = setting("ls_ftol"), ptol = setting("ls_xtol"), gtol = setting("ls_gtol"),
                             factor = setting("ls_factor"), maxiter = setting("ls_maxiter"))
ls_fit <- function(start, y) {
  n <- length(y)
  nls.lm(par = start, fn = function(p) means(p, n) - y, jac = function(p) means_jacobian(p, n), control = ls_control)
}

if (selected("poisson-glm-9")) {
  t <- 0:8; x <- cbind(1, t, t^2)
  fit <- NULL
  seconds <- time_median(small_n, small_warm, function() fit <<- glm.fit(x, nine, family = poisson(), control = glm_control))
  # Its compiled part alone: one weighted QR solve (C_Cdqrls, LINPACK dqrdc2/dqrsl) at the final weights, and the
  # family's R closures one iteration calls.
  w <- sqrt(fit$weights); z <- fit$linear.predictors + (nine - fit$fitted.values) / fit$fitted.values
  solve <- time_median(small_n, small_warm, function() .Call(stats:::C_Cdqrls, x * w, z * w, 1e-11, FALSE))
  family <- poisson(); eta <- fit$linear.predictors
  closures <- time_median(small_n, small_warm, function() {
    m <- family$linkinv(eta); family$variance(m); family$mu.eta(eta); sum(family$dev.resids(nine, m, 1)) })
  emit("poisson-glm-9", "R glm.fit", seconds, small_n, unname(fit$coefficients),
       sum(dpois(nine, fit$fitted.values, log = TRUE)), as.integer(fit$converged),
       sprintf("%d iterations; one C_Cdqrls solve %.1f us; family closures per iteration %.1f us", fit$iter,
               solve * 1e6, closures * 1e6))
}
if (selected("nb2-glm-9")) {
  frame <- data.frame(y = nine, t = 0:8)
  fit <- NULL
  seconds <- time_median(small_n, small_warm, function() fit <<- glm.nb(y ~ t + I(t^2), data = frame, control = glm_control))
  emit("nb2-glm-9", "R MASS::glm.nb", seconds, small_n, c(unname(coef(fit)), log(fit$theta)), fit$twologlik / 2,
       as.integer(fit$converged), "formula interface (model frame each call)")
}
if (selected("ls-logistic-9")) {
  start <- start_of("nine")[1:3]
  fit <- NULL
  seconds <- time_median(small_n, small_warm, function() fit <<- ls_fit(start, nine))
  callback <- time_median(small_n, small_warm, function() { means(fit$par, 9) - nine; means_jacobian(fit$par, 9) })
  emit("ls-logistic-9", "R minpack.lm::nls.lm", seconds, small_n, unname(fit$par), sum(fit$fvec^2),
       as.integer(fit$info %in% 1:4), sprintf("analytic Jacobian, %d iterations, info %d; one residual + one Jacobian call %.1f us",
                                              fit$niter, fit$info, callback * 1e6))
  frame <- data.frame(y = nine, t = 0:8)
  seconds <- time_median(small_n, small_warm, function()
    fit <<- nlsLM(y ~ K * (plogis(r * (t + 1 - t0)) - plogis(r * (t - t0))), data = frame,
                  start = list(K = start[[1]], r = start[[2]], t0 = start[[3]]), control = ls_control))
  emit("ls-logistic-9", "R minpack.lm::nlsLM", seconds, small_n, unname(coef(fit)), sum(residuals(fit)^2),
       as.integer(fit$convInfo$isConv), "formula, finite-difference Jacobian")
}
for (job in c("nine", "sixty")) {
  y <- if (job == "nine") nine else sixty
  name <- if (job == "nine") "9" else "60"
  start <- start_of(job)
  # parscale = |start|: BFGS in the units of the parameters (K ~ 1e3, r ~ 0.5) crawls (1,000 gradient calls without
  # converging); Inflow's Levenberg-Marquardt scales by the curvature's diagonal (Moré 1978) for the same reason.
  control <- list(reltol = setting("nb_ftol"), maxit = setting("nb_maxiter"), parscale = abs(start))
  for (variant in c("solver", "single")) {
    id <- sprintf("nb2-logistic-%s-%s", name, variant)
    if (!selected(id)) next
    hessian <- variant == "single"
    fit <- NULL
    seconds <- time_median(small_n, small_warm, function()
      fit <<- optim(start, nb2_nll, nb2_gradient, y = y, method = "BFGS", control = control, hessian = hessian))
    emit(id, "R optim BFGS", seconds, small_n, unname(fit$par), -fit$value, as.integer(fit$convergence == 0),
         sprintf("analytic gradient, %d function and %d gradient calls%s", fit$counts[1], fit$counts[2],
                 if (hessian) ", hessian = TRUE" else ""))
  }
}
if (selected("poisson-glm-1000")) {
  counts <- as.matrix(read.csv(file.path(dir, "poisson-many.csv")))
  x <- (0:59) / 59; design <- cbind(1, x, x^2)
  fits <- NULL
  seconds <- time_median(large_n, large_warm, function()
    fits <<- lapply(seq_len(nrow(counts)), function(i) glm.fit(design, counts[i, ], family = poisson(), control = glm_control)))
  emit("poisson-glm-1000", "R glm.fit loop", seconds, large_n, unlist(lapply(fits, function(f) unname(f$coefficients))),
       vapply(seq_along(fits), function(i) sum(dpois(counts[i, ], fits[[i]]$fitted.values, log = TRUE)), 0),
       sum(vapply(fits, function(f) f$converged, TRUE)),
       sprintf("glm.fit per series, %d iterations in all", sum(vapply(fits, function(f) f$iter, 0L))))
}
if (selected("ls-logistic-1000")) {
  rows <- as.matrix(read.csv(file.path(dir, "logistic-many.csv")))
  fits <- NULL
  seconds <- time_median(large_n, large_warm, function()
    fits <<- lapply(seq_len(nrow(rows)), function(i) ls_fit(rows[i, 1:3], rows[i, -(1:3)])))
  emit("ls-logistic-1000", "R minpack.lm::nls.lm loop", seconds, large_n, unlist(lapply(fits, function(f) unname(f$par))),
       vapply(fits, function(f) sum(f$fvec^2), 0), sum(vapply(fits, function(f) f$info %in% 1:4, TRUE)),
       sprintf("analytic Jacobian per series, %d iterations in all", sum(vapply(fits, function(f) f$niter, 0L))))
}
if (selected("bootstrap-refits")) {
  replicates <- as.matrix(read.csv(file.path(dir, "bootstrap.csv")))
  start <- unlist(read.csv(file.path(dir, "bootstrap-start.csv"))[1, ])
  control <- list(factr = setting("refit_ftol") / .Machine$double.eps, pgtol = setting("refit_gtol"), maxit = 10000,
                  parscale = abs(start))
  fits <- NULL
  seconds <- time_median(large_n, large_warm, function()
    fits <<- lapply(seq_len(nrow(replicates)), function(b)
      optim(start, nb2_nll, nb2_gradient, y = replicates[b, ], method = "L-BFGS-B",
            lower = c(0, 0, -Inf, -10), upper = c(Inf, Inf, Inf, 23), control = control)))
  emit("bootstrap-refits", "R optim L-BFGS-B loop", seconds, large_n, unlist(lapply(fits, function(f) unname(f$par))),
       vapply(fits, function(f) -f$value, 0), sum(vapply(fits, function(f) f$convergence == 0, TRUE)),
       sprintf("analytic gradient per replicate, %d function and %d gradient calls in all",
               sum(vapply(fits, function(f) f$counts[[1]], 0L)), sum(vapply(fits, function(f) f$counts[[2]], 0L))))
}

# Reference forecasts of R's forecast package on M3 (Debian r-cran-forecast 8.20, R 4.2.2):
#
#     Rscript benches/peers/r_forecast_m3.R yearly|quarterly OUT.csv [auto.arima|ets|thetaf]
#
# Reads ../shared/data-raw/m3 (relative to the repository). Writes, per series and step:
# id, step, mean, lo80, hi80, lo95, hi95, model (the selected model, e.g. "ARIMA(0,1,1) with drift").
# Used by crates/forecast/benches/vs_r.rs and to produce the golden values under tests/data.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
period <- args[1]
out <- args[2]
method <- if (length(args) >= 3) args[3] else "auto.arima"
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE)))
root <- file.path(here, "..", "..", "..", "shared", "data-raw", "m3")
meta <- read.csv(file.path(root, "m3-series-meta.csv"))
long <- read.csv(gzfile(file.path(root, "m3-series-long.csv.gz")))
ids <- meta$sn[meta$period == toupper(period)]
freq <- if (period == "quarterly") 4 else 1
h <- if (period == "quarterly") 8 else 6
if (length(args) >= 4) ids <- head(ids, as.integer(args[4]))
rows <- vector("list", length(ids))
t0 <- Sys.time()
for (i in seq_along(ids)) {
  s <- long[long$sn == ids[i] & long$split == "train", ]
  s <- s[order(s$idx), ]
  y <- ts(s$value, frequency = freq)
  fit <- switch(method,
    auto.arima = auto.arima(y),
    auto.arima.approx = auto.arima(y, approximation = TRUE),
    ets = ets(y),
    thetaf = NULL)
  fc <- if (method == "thetaf") thetaf(y, h = h, level = c(80, 95)) else forecast(fit, h = h, level = c(80, 95))
  label <- if (method == "thetaf") "theta" else if (method == "ets") fit$method else forecast:::arima.string(fit, padding = FALSE)
  rows[[i]] <- data.frame(id = ids[i], step = seq_len(h), mean = as.numeric(fc$mean),
    lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
    lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]), model = label)
}
secs <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
write.csv(do.call(rbind, rows), out, row.names = FALSE)
cat(sprintf("%s %s on %d M3 %s series: %.2f s (%.0f series/s)\n", method, packageVersion("forecast"),
  length(ids), period, secs, length(ids) / secs))

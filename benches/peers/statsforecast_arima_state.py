"""statsforecast 2.1.1's ARIMA likelihood depends on the previous call (found while porting R's arima).

    target/peer-venv/bin/python benches/peers/statsforecast_arima_state.py

statsforecast's `arima()` builds the state-space model once and, inside the objective, resets
only the ARMA block of the initial covariance `Pn` (`upARIMA`); its compiled `arima_like`
writes the filtered covariance back into `Pn`. From the second evaluation on, the diffuse prior
(variance 1e6) of the differenced states is gone, so models with d + D > 0 are estimated on a
different likelihood. R's C code gets a fresh copy each call. This script evaluates the
objective twice at the same parameters, as the optimiser does, and prints both values, then
fits ARIMA(1,1,1) to the series with statsforecast.
"""
import math

import numpy as np
from statsforecast import arima as A

y = np.array([100.0, 102, 104, 103, 105, 106, 108, 107, 109, 111, 113, 112, 115, 117, 116])
phi, theta = np.array([0.5]), np.array([0.3])
mod = A.make_arima(phi, theta, np.array([1.0]))


def objective():
    # what statsforecast's armafn does for fixed parameters
    mod["T"][: len(phi), 0] = phi
    mod["Pn"][:2, :2] = A.getQ0(phi, theta)
    mod["a"][:] = 0
    ssq, sumlog, nu, _ = A.arima_like(y, mod["phi"], mod["theta"], mod["delta"], mod["a"], mod["P"], mod["Pn"], 0, False)
    return 0.5 * (math.log(ssq / nu) + sumlog / nu), ssq, nu


print("first call:  objective %.6f (sum of squares %.3f over %d observations)" % objective())
print("second call: objective %.6f (sum of squares %.3f over %d observations)" % objective())
fit = A.arima(y, order=(1, 1, 1), method="CSS-ML")
print("statsforecast ARIMA(1,1,1) coefficients:", {k: round(float(v), 6) for k, v in fit["coef"].items()})

/* A monotonic clock for R (which has none below proc.time's millisecond): peers.R loads this with dyn.load and
 * reads it through .C("inflow_monotonic_seconds", seconds = 0), around each timed call, as Python uses
 * time.perf_counter and inflow-timing DispatchTime (all CLOCK_MONOTONIC on Linux). Built by compare.py:
 * cc -O2 -shared -fPIC monotonic.c -o monotonic.so. The .C call costs about a microsecond, which the R rows pay. */
#include <time.h>

void inflow_monotonic_seconds(double *seconds) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    *seconds = (double)now.tv_sec + 1e-9 * (double)now.tv_nsec;
}

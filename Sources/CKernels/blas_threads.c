#include "CKernels.h"

// OpenBLAS starts its worker threads when the library loads, and each spins (sched_yield) for
// about 2^28 cycles waiting for work before it sleeps. A search that lives 50 ms never gives
// them work, but they hold the second core for its whole life. Shutting them down at start
// frees it; OpenBLAS starts them again the first time a product needs them. Weak, so that a
// BLAS without this entry point (another implementation) links and skips it.
extern int blas_thread_shutdown_(void) __attribute__((weak));

void semfind_quiet_blas_threads(void) {
    if (blas_thread_shutdown_) blas_thread_shutdown_();
}

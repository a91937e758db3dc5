#include "CKernels.h"

#include <pthread.h>

// OpenBLAS starts its worker threads when the library loads, and each spins (sched_yield) for
// about 2^28 cycles waiting for work before it sleeps. A search that lives 50 ms never gives
// them work, but they hold the second core for its whole life. Setting one thread (while the
// pool still exists: setting a count on a stopped pool restarts it) and then shutting the pool
// down frees that core; a command that wants more threads sets them, which restarts the pool.
// Weak, so that a BLAS without these entry points (another implementation) links and skips it.
extern int blas_thread_shutdown_(void) __attribute__((weak));
extern void openblas_set_num_threads(int) __attribute__((weak));

void semfind_quiet_blas_threads(void) {
    if (openblas_set_num_threads) openblas_set_num_threads(1);
    if (blas_thread_shutdown_) blas_thread_shutdown_();
}

static pthread_mutex_t blas_mutex = PTHREAD_MUTEX_INITIALIZER;

void semfind_blas_lock(void) { pthread_mutex_lock(&blas_mutex); }

void semfind_blas_unlock(void) { pthread_mutex_unlock(&blas_mutex); }

#include "CKernels.h"

#include <stdlib.h>
#include <strings.h>
#include <unistd.h>

// OpenBLAS picks its kernels when it loads, from a table of the processor models its release
// knew; a newer model falls through that table to Prescott's SSE3 kernels. Debian 12's 0.3.21
// does so on Emerald Rapids, where float32 products then run 3.7 times slower (int8 encoding
// 1.5 times slower: attention stays float32). OpenBLAS reads OPENBLAS_CORETYPE only as it loads,
// before any code of semfind runs (and before the C library has its environment, so not even
// an ELF preinit function can set it). So when its choice lacks instruction sets this
// processor has, semfind names the right kernels and starts itself again, once: the
// environment then names them. A user's own OPENBLAS_CORETYPE is never overridden.

// Weak, so that a BLAS without this entry point (another implementation) links and is left alone.
extern char *openblas_get_corename(void) __attribute__((weak));

static const struct {
    const char *core;
    int tier;
} known_cores[] = {
    {"SkylakeX", SEMFIND_BLAS_AVX512},   {"Cooperlake", SEMFIND_BLAS_AVX512}, {"SapphireRapids", SEMFIND_BLAS_AVX512},
    {"Haswell", SEMFIND_BLAS_AVX2},      {"Zen", SEMFIND_BLAS_AVX2},          {"Excavator", SEMFIND_BLAS_AVX2},
    {"Sandybridge", SEMFIND_BLAS_AVX},   {"Bulldozer", SEMFIND_BLAS_AVX},     {"Piledriver", SEMFIND_BLAS_AVX},
    {"Steamroller", SEMFIND_BLAS_AVX},   {"Prescott", SEMFIND_BLAS_SSE},      {"Core2", SEMFIND_BLAS_SSE},
    {"Penryn", SEMFIND_BLAS_SSE},        {"Dunnington", SEMFIND_BLAS_SSE},    {"Nehalem", SEMFIND_BLAS_SSE},
    {"Atom", SEMFIND_BLAS_SSE},          {"Nano", SEMFIND_BLAS_SSE},          {"Opteron", SEMFIND_BLAS_SSE},
    {"Opteron_SSE3", SEMFIND_BLAS_SSE},  {"Barcelona", SEMFIND_BLAS_SSE},     {"Bobcat", SEMFIND_BLAS_SSE},
    {"Katmai", SEMFIND_BLAS_SSE},        {"Coppermine", SEMFIND_BLAS_SSE},    {"Northwood", SEMFIND_BLAS_SSE},
    {"Banias", SEMFIND_BLAS_SSE},        {"Athlon", SEMFIND_BLAS_SSE},        {"Unknown", SEMFIND_BLAS_SSE},
};

int semfind_blas_tier_of_core(const char *core) {
    for (size_t i = 0; core != NULL && i < sizeof(known_cores) / sizeof(known_cores[0]); i++) {
        if (strcasecmp(core, known_cores[i].core) == 0) return known_cores[i].tier;
    }
    return -1;
}

const char *semfind_blas_core_for_tier(int tier, int amd) {
    switch (tier) {
    case SEMFIND_BLAS_AVX512: return "SkylakeX";
    case SEMFIND_BLAS_AVX2: return amd ? "Zen" : "Haswell";
    case SEMFIND_BLAS_AVX: return amd ? NULL : "Sandybridge";
    default: return NULL;
    }
}

#if defined(__linux__) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
int semfind_blas_tier_of_processor(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"))
        return SEMFIND_BLAS_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return SEMFIND_BLAS_AVX2;
    if (__builtin_cpu_supports("avx")) return SEMFIND_BLAS_AVX;
    return SEMFIND_BLAS_SSE;
}

void semfind_restart_with_openblas_core(char *const *argv) {
    if (openblas_get_corename == NULL || getenv("OPENBLAS_CORETYPE") != NULL || argv == NULL) return;
    int chosen = semfind_blas_tier_of_core(openblas_get_corename());
    int wanted = semfind_blas_tier_of_processor();
    const char *core = semfind_blas_core_for_tier(wanted, __builtin_cpu_is("amd"));
    if (chosen < 0 || chosen >= wanted || core == NULL) return;
    if (setenv("OPENBLAS_CORETYPE", core, 1) != 0) return;
    execv("/proc/self/exe", argv);
    unsetenv("OPENBLAS_CORETYPE");  // exec failed: carry on with OpenBLAS's own choice
}
#else
int semfind_blas_tier_of_processor(void) { return -1; }

void semfind_restart_with_openblas_core(char *const *argv) { (void)argv; }
#endif

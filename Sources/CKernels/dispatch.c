#include "dispatch.h"

#if SEMFIND_X86
int semfind_cpu_has_avx2 = 0;
int semfind_cpu_has_avx512 = 0;
int semfind_cpu_has_avx_vnni = 0;
int semfind_cpu_has_avx512_vnni = 0;

__attribute__((constructor)) static void semfind_detect_cpu(void) {
    __builtin_cpu_init();
    semfind_cpu_has_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    semfind_cpu_has_avx512 = semfind_cpu_has_avx2 && __builtin_cpu_supports("avx512f");
    semfind_cpu_has_avx_vnni = semfind_cpu_has_avx2 && __builtin_cpu_supports("avxvnni");
    semfind_cpu_has_avx512_vnni = semfind_cpu_has_avx2 && __builtin_cpu_supports("avx512f") &&
                                  __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vnni");
}
#endif

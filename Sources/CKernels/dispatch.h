#ifndef SEMFIND_CKERNELS_DISPATCH_H
#define SEMFIND_CKERNELS_DISPATCH_H

// Run-time choice between AVX2+FMA code and portable code on x86-64; elsewhere portable only.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SEMFIND_X86 1
#define SEMFIND_AVX2 __attribute__((target("avx2,fma")))
#define SEMFIND_AVX_VNNI __attribute__((target("avx2,fma,avxvnni")))
#define SEMFIND_AVX512 __attribute__((target("avx2,fma,avx512f")))
#define SEMFIND_AVX512_VNNI __attribute__((target("avx2,fma,avx512f,avx512bw,avx512vnni")))
/// For the small helpers of a kernel's inner loop: inlined, so that their loops over a constant
/// number of registers unroll into the caller.
#define ALWAYS_INLINE __attribute__((always_inline)) inline
/// Nonzero when the processor has AVX2 and FMA; set once, before main, by dispatch.c.
extern int semfind_cpu_has_avx2;
/// Nonzero when it also has AVX-512 F (the activations' 16-lane versions).
extern int semfind_cpu_has_avx512;
/// Nonzero when it also has AVX-VNNI (vpdpbusd on 256-bit vectors, without AVX-512).
extern int semfind_cpu_has_avx_vnni;
/// Nonzero when it also has AVX-512 F, BW and VNNI (vpdpbusd); set with semfind_cpu_has_avx2.
extern int semfind_cpu_has_avx512_vnni;
#else
#define SEMFIND_X86 0
#endif

#endif

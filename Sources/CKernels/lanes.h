#ifndef SEMFIND_CKERNELS_LANES_H
#define SEMFIND_CKERNELS_LANES_H

// Reductions of the eight float lanes of an AVX register, shared by the kernels (x86-64 only).
#include "dispatch.h"

#if SEMFIND_X86
#include <immintrin.h>

// The sum of the eight lanes: the two halves, then their two pairs, then the last two lanes.
SEMFIND_AVX2 static inline float semfind_lanes_sum(__m256 values) {
    __m128 half = _mm_add_ps(_mm256_castps256_ps128(values), _mm256_extractf128_ps(values, 1));
    half = _mm_add_ps(half, _mm_movehl_ps(half, half));
    return _mm_cvtss_f32(_mm_add_ss(half, _mm_movehdup_ps(half)));
}

// The largest of the eight lanes.
SEMFIND_AVX2 static inline float semfind_lanes_max(__m256 values) {
    __m128 half = _mm_max_ps(_mm256_castps256_ps128(values), _mm256_extractf128_ps(values, 1));
    half = _mm_max_ps(half, _mm_movehl_ps(half, half));
    return _mm_cvtss_f32(_mm_max_ss(half, _mm_movehdup_ps(half)));
}
#endif

#endif

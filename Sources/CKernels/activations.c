#include <math.h>

#include "CKernels.h"
#include "dispatch.h"

static void gelu_portable(float *values, size_t count) {
    for (size_t i = 0; i < count; i++) values[i] = 0.5f * values[i] * (1.0f + erff(values[i] * 0.70710678118654752f));
}

static void softmax_row_portable(float *row, size_t width, float scale) {
    float maximum = -INFINITY, sum = 0;
    for (size_t i = 0; i < width; i++) maximum = fmaxf(maximum, row[i]);
    for (size_t i = 0; i < width; i++) {
        row[i] = expf((row[i] - maximum) * scale);
        sum += row[i];
    }
    float inverse = 1.0f / sum;
    for (size_t i = 0; i < width; i++) row[i] *= inverse;
}

#if SEMFIND_X86
#include <immintrin.h>

/// e^x per lane, relative error about 2e-7: x = n ln2 + r, |r| <= ln2/2, e^r by its Taylor
/// series to degree 7, 2^n built in the exponent bits.
SEMFIND_AVX2 static inline __m256 exp_avx2(__m256 x) {
    x = _mm256_max_ps(_mm256_min_ps(x, _mm256_set1_ps(88.0f)), _mm256_set1_ps(-87.3f));
    __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693145751953125f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(1.428606765330187e-6f), r);
    __m256 p = _mm256_set1_ps(1.0f / 5040);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 720));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 120));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 24));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f / 6));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(0.5f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.0f));
    __m256i exponent = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(exponent));
}

/// erf(x) per lane, absolute error below 1.5e-7 (Abramowitz and Stegun 7.1.26).
SEMFIND_AVX2 static inline __m256 erf_avx2(__m256 x) {
    __m256 sign = _mm256_and_ps(x, _mm256_set1_ps(-0.0f));
    __m256 a = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), x);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 t = _mm256_div_ps(one, _mm256_fmadd_ps(_mm256_set1_ps(0.3275911f), a, one));
    __m256 p = _mm256_set1_ps(1.061405429f);
    p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(-1.453152027f));
    p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(1.421413741f));
    p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(-0.284496736f));
    p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(0.254829592f));
    __m256 e = exp_avx2(_mm256_mul_ps(_mm256_sub_ps(_mm256_setzero_ps(), a), a));
    __m256 y = _mm256_fnmadd_ps(_mm256_mul_ps(p, t), e, one);
    return _mm256_or_ps(y, sign);
}

SEMFIND_AVX2 static void gelu_avx2(float *values, size_t count) {
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 x = _mm256_loadu_ps(values + i);
        __m256 e = erf_avx2(_mm256_mul_ps(x, _mm256_set1_ps(0.70710678118654752f)));
        __m256 half_x = _mm256_mul_ps(x, _mm256_set1_ps(0.5f));
        _mm256_storeu_ps(values + i, _mm256_fmadd_ps(half_x, e, half_x));
    }
    gelu_portable(values + i, count - i);
}

SEMFIND_AVX2 static void softmax_row_avx2(float *row, size_t width, float scale) {
    size_t i = 0;
    __m256 vmax = _mm256_set1_ps(-INFINITY);
    for (; i + 8 <= width; i += 8) vmax = _mm256_max_ps(vmax, _mm256_loadu_ps(row + i));
    float lanes[8];
    _mm256_storeu_ps(lanes, vmax);
    float maximum = -INFINITY;
    for (int lane = 0; lane < 8; lane++) maximum = fmaxf(maximum, lanes[lane]);
    for (; i < width; i++) maximum = fmaxf(maximum, row[i]);
    __m256 vscale = _mm256_set1_ps(scale), vshift = _mm256_set1_ps(maximum * scale), vsum = _mm256_setzero_ps();
    for (i = 0; i + 8 <= width; i += 8) {
        __m256 e = exp_avx2(_mm256_fmsub_ps(_mm256_loadu_ps(row + i), vscale, vshift));
        _mm256_storeu_ps(row + i, e);
        vsum = _mm256_add_ps(vsum, e);
    }
    _mm256_storeu_ps(lanes, vsum);
    float sum = 0;
    for (int lane = 0; lane < 8; lane++) sum += lanes[lane];
    for (; i < width; i++) {
        row[i] = expf((row[i] - maximum) * scale);
        sum += row[i];
    }
    __m256 inverse = _mm256_set1_ps(1.0f / sum);
    for (i = 0; i + 8 <= width; i += 8) _mm256_storeu_ps(row + i, _mm256_mul_ps(_mm256_loadu_ps(row + i), inverse));
    for (; i < width; i++) row[i] *= 1.0f / sum;
}
#endif

void semfind_gelu(float *values, size_t count) {
#if SEMFIND_X86
    if (semfind_cpu_has_avx2) {
        gelu_avx2(values, count);
        return;
    }
#endif
    gelu_portable(values, count);
}

void semfind_softmax_rows(float *scores, size_t rows, size_t width, size_t stride, float scale) {
    for (size_t r = 0; r < rows; r++) {
#if SEMFIND_X86
        if (semfind_cpu_has_avx2) {
            softmax_row_avx2(scores + r * stride, width, scale);
            continue;
        }
#endif
        softmax_row_portable(scores + r * stride, width, scale);
    }
}

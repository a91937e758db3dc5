#include <math.h>

#include "CKernels.h"
#include "dispatch.h"
#include "lanes.h"

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

static void layer_norm_row_portable(float *row, size_t width, const float *gamma, const float *beta, float epsilon) {
    float sum = 0, squares = 0;
    for (size_t i = 0; i < width; i++) sum += row[i];
    float mean = sum / (float)width;
    for (size_t i = 0; i < width; i++) squares += (row[i] - mean) * (row[i] - mean);
    float inverse_deviation = 1.0f / sqrtf(squares / (float)width + epsilon);
    for (size_t i = 0; i < width; i++) row[i] = (row[i] - mean) * inverse_deviation * gamma[i] + beta[i];
}

#if SEMFIND_X86
#include <immintrin.h>

// The lanes of an AVX register summed in order, as scalar code would add them.
SEMFIND_AVX2 static inline float lanes_sum_in_order(__m256 values) {
    float lanes[8], sum = 0;
    _mm256_storeu_ps(lanes, values);
    for (int lane = 0; lane < 8; lane++) sum += lanes[lane];
    return sum;
}

#define LANES_TARGET SEMFIND_AVX2
#define LANES_NAME(f) f##_avx2
#define LANES 8
#define V __m256
#define VI __m256i
#define L(op) _mm256_##op
#define L_SI(op) _mm256_##op##_si256
#define LANES_ROUND(x) _mm256_round_ps((x), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
#define LANES_AS_FLOAT(i) _mm256_castsi256_ps(i)
#define LANES_AS_INT(x) _mm256_castps_si256(x)
#define LANES_MAX(v) semfind_lanes_max(v)
#define LANES_SUM(v) lanes_sum_in_order(v)
#include "activations_lanes.h"

#define LANES_TARGET SEMFIND_AVX512
#define LANES_NAME(f) f##_avx512
#define LANES 16
#define V __m512
#define VI __m512i
#define L(op) _mm512_##op
#define L_SI(op) _mm512_##op##_si512
#define LANES_ROUND(x) _mm512_roundscale_ps((x), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
#define LANES_AS_FLOAT(i) _mm512_castsi512_ps(i)
#define LANES_AS_INT(x) _mm512_castps_si512(x)
#define LANES_MAX(v) _mm512_reduce_max_ps(v)
#define LANES_SUM(v) _mm512_reduce_add_ps(v)
#include "activations_lanes.h"
#endif

// The width, in floats, of the version that runs when at most `lanes` are asked for: 16, 8 or 1.
static int runnable_lanes(int lanes) {
#if SEMFIND_X86
    if (lanes >= 16 && semfind_cpu_has_avx512) return 16;
    if (lanes >= 8 && semfind_cpu_has_avx2) return 8;
#endif
    (void)lanes;
    return 1;
}

void semfind_gelu_lanes(float *values, size_t count, int lanes) {
    switch (runnable_lanes(lanes)) {
#if SEMFIND_X86
    case 16: gelu_avx512(values, count); return;
    case 8: gelu_avx2(values, count); return;
#endif
    default: gelu_portable(values, count); return;
    }
}

void semfind_gelu(float *values, size_t count) { semfind_gelu_lanes(values, count, 16); }

void semfind_softmax_rows_lanes(float *scores, size_t rows, size_t width, size_t stride, float scale, int lanes) {
    void (*softmax_row)(float *, size_t, float) = softmax_row_portable;
#if SEMFIND_X86
    switch (runnable_lanes(lanes)) {
    case 16: softmax_row = softmax_row_avx512; break;
    case 8: softmax_row = softmax_row_avx2; break;
    default: break;
    }
#else
    (void)lanes;
#endif
    for (size_t r = 0; r < rows; r++) softmax_row(scores + r * stride, width, scale);
}

void semfind_softmax_rows(float *scores, size_t rows, size_t width, size_t stride, float scale) {
    semfind_softmax_rows_lanes(scores, rows, width, stride, scale, 16);
}

void semfind_layer_norm_rows_lanes(float *values, size_t rows, size_t width, const float *gamma, const float *beta,
                                   float epsilon, int lanes) {
    void (*layer_norm_row)(float *, size_t, const float *, const float *, float) = layer_norm_row_portable;
#if SEMFIND_X86
    switch (runnable_lanes(lanes)) {
    case 16: layer_norm_row = layer_norm_row_avx512; break;
    case 8: layer_norm_row = layer_norm_row_avx2; break;
    default: break;
    }
#else
    (void)lanes;
#endif
    for (size_t r = 0; r < rows; r++) layer_norm_row(values + r * width, width, gamma, beta, epsilon);
}

void semfind_layer_norm_rows(float *values, size_t rows, size_t width, const float *gamma, const float *beta,
                             float epsilon) {
    semfind_layer_norm_rows_lanes(values, rows, width, gamma, beta, epsilon, 16);
}

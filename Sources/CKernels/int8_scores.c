#include "CKernels.h"
#include "dispatch.h"
#include "lanes.h"

#include <stdint.h>

#if SEMFIND_X86
#include <immintrin.h>

// |q| as unsigned bytes times m with q's sign (maddubs multiplies unsigned by signed), pairs
// summed to 16 bits (at most 2 * 127 * 127, no saturation), then to 32 bits.
SEMFIND_AVX2 static void int8_scores_avx2(const int8_t *matrix, const int8_t *query, size_t rows, size_t dim,
                                          int32_t *out) {
    const __m256i ones = _mm256_set1_epi16(1);
    size_t blocks = dim / 32;
    for (size_t row = 0; row < rows; row++) {
        const int8_t *vector = matrix + row * dim;
        __m256i sum = _mm256_setzero_si256();
        for (size_t block = 0; block < blocks; block++) {
            __m256i q = _mm256_loadu_si256((const __m256i *)(query + block * 32));
            __m256i m = _mm256_loadu_si256((const __m256i *)(vector + block * 32));
            __m256i products = _mm256_maddubs_epi16(_mm256_abs_epi8(q), _mm256_sign_epi8(m, q));
            sum = _mm256_add_epi32(sum, _mm256_madd_epi16(products, ones));
        }
        __m128i half = _mm_add_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
        half = _mm_add_epi32(half, _mm_shuffle_epi32(half, 0x4E));
        half = _mm_add_epi32(half, _mm_shuffle_epi32(half, 0xB1));
        int32_t total = _mm_cvtsi128_si32(half);
        for (size_t index = blocks * 32; index < dim; index++) total += (int32_t)query[index] * vector[index];
        out[row] = total;
    }
}

SEMFIND_AVX2 static void f32_scores_avx2(const float *matrix, const float *query, size_t rows, size_t dim,
                                         float *out) {
    size_t blocks = dim / 32;
    for (size_t row = 0; row < rows; row++) {
        const float *vector = matrix + row * dim;
        __m256 sums[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
        for (size_t block = 0; block < blocks; block++) {
            for (int lane = 0; lane < 4; lane++) {
                size_t at = block * 32 + lane * 8;
                sums[lane] = _mm256_fmadd_ps(_mm256_loadu_ps(query + at), _mm256_loadu_ps(vector + at), sums[lane]);
            }
        }
        __m256 sum = _mm256_add_ps(_mm256_add_ps(sums[0], sums[1]), _mm256_add_ps(sums[2], sums[3]));
        float total = semfind_lanes_sum(sum);
        for (size_t index = blocks * 32; index < dim; index++) total += query[index] * vector[index];
        out[row] = total;
    }
}

SEMFIND_AVX2 static float dot_f32_i8_avx2(const float *query, const int8_t *row, size_t dim) {
    __m256 sum = _mm256_setzero_ps();
    size_t blocks = dim / 8;
    for (size_t block = 0; block < blocks; block++) {
        __m256i widened = _mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *)(row + block * 8)));
        sum = _mm256_fmadd_ps(_mm256_loadu_ps(query + block * 8), _mm256_cvtepi32_ps(widened), sum);
    }
    float total = semfind_lanes_sum(sum);
    for (size_t index = blocks * 8; index < dim; index++) total += query[index] * (float)row[index];
    return total;
}
#endif

static void int8_scores_portable(const int8_t *matrix, const int8_t *query, size_t rows, size_t dim,
                                 int32_t *out) {
    for (size_t row = 0; row < rows; row++) {
        const int8_t *vector = matrix + row * dim;
        int32_t total = 0;
        for (size_t index = 0; index < dim; index++) total += (int32_t)query[index] * vector[index];
        out[row] = total;
    }
}

void semfind_int8_scores(const int8_t *matrix, const int8_t *query, size_t rows, size_t dim, int32_t *out) {
#if SEMFIND_X86
    if (semfind_cpu_has_avx2) {
        int8_scores_avx2(matrix, query, rows, dim, out);
        return;
    }
#endif
    int8_scores_portable(matrix, query, rows, dim, out);
}

float semfind_dot_f32_i8(const float *query, const int8_t *row, size_t dim) {
#if SEMFIND_X86
    if (semfind_cpu_has_avx2) return dot_f32_i8_avx2(query, row, dim);
#endif
    float total = 0;
    for (size_t index = 0; index < dim; index++) total += query[index] * (float)row[index];
    return total;
}

void semfind_f32_scores(const float *matrix, const float *query, size_t rows, size_t dim, float *out) {
#if SEMFIND_X86
    if (semfind_cpu_has_avx2) {
        f32_scores_avx2(matrix, query, rows, dim, out);
        return;
    }
#endif
    for (size_t row = 0; row < rows; row++) {
        float total = 0;
        for (size_t index = 0; index < dim; index++) total += query[index] * matrix[row * dim + index];
        out[row] = total;
    }
}

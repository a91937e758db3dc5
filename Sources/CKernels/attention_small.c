#include "CKernels.h"
#include "dispatch.h"
#include "lanes.h"

void semfind_add_relative_bias(float *scores, size_t rows, size_t width, size_t stride, size_t first_row, float scale,
                               const float *bias) {
    for (size_t r = 0; r < rows; r++) {
        float *row = scores + r * stride;
        const float *shifted = bias - (ptrdiff_t)(first_row + r);
        for (size_t j = 0; j < width; j++) row[j] = row[j] * scale + shifted[j];
    }
}

// Softmax of query i's scores: scaled inside the softmax, or scaled and biased first.
static inline void normalize_scores(float *scores, size_t length, size_t i, float scale, const float *bias) {
    if (bias) {
        semfind_add_relative_bias(scores, 1, length, length, i, scale, bias);
        semfind_softmax_rows(scores, 1, length, length, 1.0f);
    } else {
        semfind_softmax_rows(scores, 1, length, length, scale);
    }
}

// Row by row: the scores of query i against every key, their softmax, then the weighted sum
// of the values.
static void attention_portable(const float *qkv, size_t length, size_t hidden, size_t width, size_t column,
                               size_t stride, float scale, const float *bias, float *context, size_t context_stride,
                               float *scores) {
    for (size_t i = 0; i < length; i++) {
        const float *query = qkv + i * stride + column;
        for (size_t j = 0; j < length; j++) {
            const float *key = qkv + j * stride + hidden + column;
            float dot = 0;
            for (size_t d = 0; d < width; d++) dot += query[d] * key[d];
            scores[j] = dot;
        }
        normalize_scores(scores, length, i, scale, bias);
        float *out = context + i * context_stride + column;
        for (size_t d = 0; d < width; d++) out[d] = 0;
        for (size_t j = 0; j < length; j++) {
            const float *value = qkv + j * stride + 2 * hidden + column;
            for (size_t d = 0; d < width; d++) out[d] += scores[j] * value[d];
        }
    }
}

#if SEMFIND_X86
#include <immintrin.h>

// The same for head widths of 32 (four vectors), the width of MiniLM and BERT-base heads.
SEMFIND_AVX2 static void attention_avx2_32(const float *qkv, size_t length, size_t hidden, size_t column,
                                           size_t stride, float scale, const float *bias, float *context,
                                           size_t context_stride, float *scores) {
    for (size_t i = 0; i < length; i++) {
        const float *query = qkv + i * stride + column;
        __m256 q0 = _mm256_loadu_ps(query), q1 = _mm256_loadu_ps(query + 8);
        __m256 q2 = _mm256_loadu_ps(query + 16), q3 = _mm256_loadu_ps(query + 24);
        for (size_t j = 0; j < length; j++) {
            const float *key = qkv + j * stride + hidden + column;
            __m256 sum = _mm256_mul_ps(q0, _mm256_loadu_ps(key));
            sum = _mm256_fmadd_ps(q1, _mm256_loadu_ps(key + 8), sum);
            sum = _mm256_fmadd_ps(q2, _mm256_loadu_ps(key + 16), sum);
            sum = _mm256_fmadd_ps(q3, _mm256_loadu_ps(key + 24), sum);
            scores[j] = semfind_lanes_sum(sum);
        }
        normalize_scores(scores, length, i, scale, bias);
        __m256 o0 = _mm256_setzero_ps(), o1 = o0, o2 = o0, o3 = o0;
        for (size_t j = 0; j < length; j++) {
            const float *value = qkv + j * stride + 2 * hidden + column;
            __m256 weight = _mm256_set1_ps(scores[j]);
            o0 = _mm256_fmadd_ps(weight, _mm256_loadu_ps(value), o0);
            o1 = _mm256_fmadd_ps(weight, _mm256_loadu_ps(value + 8), o1);
            o2 = _mm256_fmadd_ps(weight, _mm256_loadu_ps(value + 16), o2);
            o3 = _mm256_fmadd_ps(weight, _mm256_loadu_ps(value + 24), o3);
        }
        float *out = context + i * context_stride + column;
        _mm256_storeu_ps(out, o0);
        _mm256_storeu_ps(out + 8, o1);
        _mm256_storeu_ps(out + 16, o2);
        _mm256_storeu_ps(out + 24, o3);
    }
}
#endif

void semfind_attention_small(const float *qkv, size_t length, size_t hidden, size_t heads, size_t stride,
                             float scale, const float *bias, size_t bias_head_stride, float *context,
                             size_t context_stride, float *scores) {
    size_t width = hidden / heads;
    for (size_t head = 0; head < heads; head++) {
        size_t column = head * width;
        const float *head_bias = bias ? bias + head * bias_head_stride : NULL;
#if SEMFIND_X86
        if (semfind_cpu_has_avx2 && width == 32) {
            attention_avx2_32(qkv, length, hidden, column, stride, scale, head_bias, context, context_stride, scores);
            continue;
        }
#endif
        attention_portable(qkv, length, hidden, width, column, stride, scale, head_bias, context, context_stride,
                           scores);
    }
}

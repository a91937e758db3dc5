#include <string.h>

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

// Query rows whose scores the tiled version computes at once: their 12 sums of 8, two vectors of
// keys or values and a broadcast take 15 of AVX2's 16 registers.
enum { TILE_ROWS = 6 };

// Keys padded to a whole number of 16-key steps of the tiled version.
static size_t padded_keys(size_t length) { return (length + 15) / 16 * 16; }

size_t semfind_attention_tiled_scratch(size_t length, size_t width) {
    return padded_keys(length) * (2 * width + TILE_ROWS);
}

int semfind_attention_tiled_supports(size_t width) {
#if SEMFIND_X86
    return semfind_cpu_has_avx2 && width > 0 && width % 16 == 0;
#else
    (void)width;
    return 0;
#endif
}

int semfind_attention_tiled_preferred(size_t width) {
#if SEMFIND_X86
    return semfind_attention_tiled_supports(width) && !semfind_cpu_has_avx512;
#else
    (void)width;
    return 0;
#endif
}

#if SEMFIND_X86
// One head's keys in panels of 16: panel p holds entry d of keys 16p to 16p + 15 at
// p * 16 * width + d * 16, zero past the last key, so that the scores of 16 keys read one
// contiguous run.
static void pack_keys(const float *keys, size_t length, size_t stride, size_t width, size_t padded, float *packed) {
    for (size_t j = 0; j < padded; j++) {
        float *slot = packed + j / 16 * 16 * width + j % 16;
        for (size_t d = 0; d < width; d++) slot[d * 16] = j < length ? keys[j * stride + d] : 0;
    }
}

// One head's values, row after row, `width` floats each.
static void pack_values(const float *values, size_t length, size_t stride, size_t width, float *packed) {
    for (size_t j = 0; j < length; j++) memcpy(packed + j * width, values + j * stride, width * sizeof(float));
}

// The scores of `rows` (1 to TILE_ROWS) queries against every key, 16 keys at a time, into
// rows of `padded` floats.
SEMFIND_AVX2 static ALWAYS_INLINE void tile_scores(const float *queries, size_t stride, int rows, size_t width,
                                                   const float *keys, size_t padded, float *scores) {
    for (size_t j = 0; j < padded; j += 16) {
        const float *panel = keys + j * width;
        __m256 sums[TILE_ROWS][2];
        for (int r = 0; r < rows; r++) sums[r][0] = sums[r][1] = _mm256_setzero_ps();
        for (size_t d = 0; d < width; d++) {
            __m256 low = _mm256_loadu_ps(panel + d * 16), high = _mm256_loadu_ps(panel + d * 16 + 8);
            for (int r = 0; r < rows; r++) {
                __m256 query = _mm256_set1_ps(queries[r * stride + d]);
                sums[r][0] = _mm256_fmadd_ps(query, low, sums[r][0]);
                sums[r][1] = _mm256_fmadd_ps(query, high, sums[r][1]);
            }
        }
        for (int r = 0; r < rows; r++) {
            _mm256_storeu_ps(scores + r * padded + j, sums[r][0]);
            _mm256_storeu_ps(scores + r * padded + j + 8, sums[r][1]);
        }
    }
}

// The context of `rows` (1 to TILE_ROWS) queries at 16 columns: their weights (rows of `padded`
// floats) times the packed values' 16 columns from `values` on.
SEMFIND_AVX2 static ALWAYS_INLINE void tile_context(const float *weights, size_t padded, int rows, const float *values,
                                                    size_t length, size_t width, float *context,
                                                    size_t context_stride) {
    __m256 sums[TILE_ROWS][2];
    for (int r = 0; r < rows; r++) sums[r][0] = sums[r][1] = _mm256_setzero_ps();
    for (size_t j = 0; j < length; j++) {
        __m256 low = _mm256_loadu_ps(values + j * width), high = _mm256_loadu_ps(values + j * width + 8);
        for (int r = 0; r < rows; r++) {
            __m256 weight = _mm256_set1_ps(weights[r * padded + j]);
            sums[r][0] = _mm256_fmadd_ps(weight, low, sums[r][0]);
            sums[r][1] = _mm256_fmadd_ps(weight, high, sums[r][1]);
        }
    }
    for (int r = 0; r < rows; r++) {
        _mm256_storeu_ps(context + r * context_stride, sums[r][0]);
        _mm256_storeu_ps(context + r * context_stride + 8, sums[r][1]);
    }
}

// `rows` (1 to TILE_ROWS) queries from query `first` on: scores, softmax, context.
SEMFIND_AVX2 static ALWAYS_INLINE void attend_tile(const float *queries, size_t length, size_t width, size_t stride,
                                                   float scale, const float *bias, const float *keys,
                                                   const float *values, size_t padded, size_t first, int rows,
                                                   float *scores, float *context, size_t context_stride) {
    tile_scores(queries + first * stride, stride, rows, width, keys, padded, scores);
    for (int r = 0; r < rows; r++) normalize_scores(scores + r * padded, length, first + (size_t)r, scale, bias);
    for (size_t part = 0; part < width; part += 16) {
        tile_context(scores, padded, rows, values + part, length, width, context + first * context_stride + part,
                     context_stride);
    }
}

// One head: its keys and values packed once, then TILE_ROWS queries at a time.
SEMFIND_AVX2 static void attention_tiled_head(const float *qkv, size_t length, size_t hidden, size_t width,
                                              size_t column, size_t stride, float scale, const float *bias,
                                              float *context, size_t context_stride, float *scratch) {
    size_t padded = padded_keys(length);
    float *keys = scratch, *values = keys + padded * width, *scores = values + padded * width;
    const float *queries = qkv + column;
    pack_keys(qkv + hidden + column, length, stride, width, padded, keys);
    pack_values(qkv + 2 * hidden + column, length, stride, width, values);
    float *out = context + column;
    size_t i = 0;
    for (; i + TILE_ROWS <= length; i += TILE_ROWS) {
        attend_tile(queries, length, width, stride, scale, bias, keys, values, padded, i, TILE_ROWS, scores, out,
                    context_stride);
    }
    for (; i < length; i++) {
        attend_tile(queries, length, width, stride, scale, bias, keys, values, padded, i, 1, scores, out,
                    context_stride);
    }
}
#endif

void semfind_attention_tiled(const float *qkv, size_t length, size_t hidden, size_t heads, size_t stride,
                             float scale, const float *bias, size_t bias_head_stride, float *context,
                             size_t context_stride, float *scratch) {
#if SEMFIND_X86
    size_t width = hidden / heads;
    for (size_t head = 0; head < heads; head++) {
        const float *head_bias = bias ? bias + head * bias_head_stride : NULL;
        attention_tiled_head(qkv, length, hidden, width, head * width, stride, scale, head_bias, context,
                             context_stride, scratch);
    }
#else
    (void)qkv, (void)length, (void)hidden, (void)heads, (void)stride, (void)scale, (void)bias;
    (void)bias_head_stride, (void)context, (void)context_stride, (void)scratch;
#endif
}

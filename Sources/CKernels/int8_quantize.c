#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "CKernels.h"
#include "dispatch.h"
#include "lanes.h"

size_t semfind_int8_padded_columns(size_t columns) { return (columns + 15) / 16 * 16; }

size_t semfind_int8_padded_inputs(size_t k) { return (k + 3) / 4 * 4; }

// round(value * inverse) in [-limit, limit], rounding halves to even as the vector code does.
static inline int8_t quantize(float value, float inverse, int limit) {
    long q = lrintf(value * inverse);
    return (int8_t)(q > limit ? limit : q < -limit ? -limit : q);
}

// Inputs of a column quantized at a time, a whole number of quads' spans of 8.
enum { COLUMN_CHUNK = 1024 };

// The sum of magnitudes of q's largest quad (see semfind_int8_pack_weights): inputs 8p + h,
// 8p + h + 1, 8p + h + 4 and 8p + h + 5, for h = 0 and 2.
static int largest_quad(const int8_t *q, size_t k) {
    int largest = 0;
    size_t p = 0;
    for (; p + 8 <= k; p += 8) {
        int low = abs(q[p]) + abs(q[p + 1]) + abs(q[p + 4]) + abs(q[p + 5]);
        int high = abs(q[p + 2]) + abs(q[p + 3]) + abs(q[p + 6]) + abs(q[p + 7]);
        largest = low > largest ? low : largest;
        largest = high > largest ? high : largest;
    }
    int tail[2] = {0, 0};
    for (size_t i = p; i < k; i++) tail[(i - p) % 4 / 2] += abs(q[i]);
    for (int h = 0; h < 2; h++) largest = tail[h] > largest ? tail[h] : largest;
    return largest;
}

// `count` weights of a column at `limit` into q: round(w * limit / largest) to nearest even, by
// adding and taking away 1.5 * 2^23 (exact for magnitudes up to 2^22; these are at most 127),
// which compilers turn into vector code where lrintf stays a call per weight.
static void quantize_weights(const float *weights, size_t count, float largest, int limit, int8_t *q) {
    const float rounding = 12582912.0f;
    float inverse = largest > 0 ? (float)limit / largest : 0, bound = (float)limit;
    for (size_t i = 0; i < count; i++) {
        float rounded = (weights[i] * inverse + rounding) - rounding;
        q[i] = (int8_t)fmaxf(-bound, fminf(bound, rounded));
    }
}

// The largest quad of the column quantized at `limit`.
static int largest_quad_at(const float *column, size_t k, float largest, int limit) {
    int8_t q[COLUMN_CHUNK];
    int quad = 0;
    for (size_t start = 0; start < k; start += COLUMN_CHUNK) {
        size_t count = k - start < COLUMN_CHUNK ? k - start : COLUMN_CHUNK;
        quantize_weights(column + start, count, largest, limit, q);
        int chunk = largest_quad(q, count);
        quad = chunk > quad ? chunk : quad;
    }
    return quad;
}

// The largest limit up to 127 at which the column's quads fit SEMFIND_INT8_QUAD_LIMIT. They only
// grow with the limit, so the search starts where they would fit if they grew in proportion.
static int column_limit(const float *column, size_t k, float largest) {
    int quad = largest_quad_at(column, k, largest, 127);
    if (quad <= SEMFIND_INT8_QUAD_LIMIT) return 127;
    int limit = 127 * SEMFIND_INT8_QUAD_LIMIT / quad;
    while (limit < 127 && largest_quad_at(column, k, largest, limit + 1) <= SEMFIND_INT8_QUAD_LIMIT) limit++;
    while (largest_quad_at(column, k, largest, limit) > SEMFIND_INT8_QUAD_LIMIT) limit--;
    return limit;
}

void semfind_int8_pack_weights(const float *w, size_t columns, size_t k, int8_t *packed, int8_t *by_input,
                               float *scales, int32_t *sums) {
    size_t padded_columns = semfind_int8_padded_columns(columns), padded_k = semfind_int8_padded_inputs(k);
    memset(packed, 0, padded_columns * padded_k);
    memset(by_input, 0, k * padded_columns);
    for (size_t n = 0; n < padded_columns; n++) {
        scales[n] = 0;
        sums[n] = 0;
    }
    int8_t q[COLUMN_CHUNK];
    for (size_t n = 0; n < columns; n++) {
        const float *column = w + n * k;
        float largest = 0;
        for (size_t i = 0; i < k; i++) largest = fmaxf(largest, fabsf(column[i]));
        int limit = column_limit(column, k, largest);
        int8_t *block = packed + n / 16 * 16 * padded_k + n % 16 * 4;
        int32_t sum = 0;
        for (size_t start = 0; start < k; start += COLUMN_CHUNK) {
            size_t count = k - start < COLUMN_CHUNK ? k - start : COLUMN_CHUNK;
            quantize_weights(column + start, count, largest, limit, q);
            for (size_t j = 0, i = start; j < count; j++, i++) {
                block[i / 4 * 64 + i % 4] = q[j];
                by_input[i * padded_columns + n] = q[j];
                sum += q[j];
            }
        }
        scales[n] = largest / (float)limit;
        sums[n] = sum;
    }
}

semfind_int8_row_format semfind_int8_row_format_of(int version) {
    switch (semfind_int8_runnable_version(version)) {
    case SEMFIND_INT8_AVX2: return (semfind_int8_row_format){.limit = 63, .offset = 64, .outlier_ratio = 3};
    case SEMFIND_INT8_AVX_VNNI:
    case SEMFIND_INT8_VNNI: return (semfind_int8_row_format){.limit = 127, .offset = 128, .outlier_ratio = 6};
    default: return (semfind_int8_row_format){.limit = 127, .offset = 0, .outlier_ratio = 6};
    }
}

// Inserts entry `index` of magnitude `magnitude` into the row's outliers, which are kept largest
// first; returns the magnitude that is now no outlier (the one pushed out, or this one when it
// is smaller than all of a full list), or 0.
static float insert_outlier(semfind_int8_outliers *outliers, uint32_t index, float value, float magnitude) {
    uint32_t slot = outliers->count;
    while (slot > 0 && fabsf(outliers->value[slot - 1]) < magnitude) slot--;
    if (slot == SEMFIND_INT8_ROW_OUTLIERS) return magnitude;
    float dropped = 0;
    if (outliers->count == SEMFIND_INT8_ROW_OUTLIERS) {
        dropped = fabsf(outliers->value[SEMFIND_INT8_ROW_OUTLIERS - 1]);
        outliers->count--;
    }
    for (uint32_t i = outliers->count; i > slot; i--) {
        outliers->index[i] = outliers->index[i - 1];
        outliers->value[i] = outliers->value[i - 1];
    }
    outliers->index[slot] = index;
    outliers->value[slot] = value;
    outliers->count++;
    return dropped;
}

// Entries beyond this magnitude are outliers, in a row of k entries whose squares sum to `squares`.
static float outlier_threshold(size_t k, float squares, float ratio) {
    return ratio * sqrtf(squares / (float)k);
}

// Adds entries [from, k) of x beyond `threshold` to the outliers; returns the largest magnitude
// of the rest of them.
static float scan_outliers(const float *x, size_t from, size_t k, float threshold, semfind_int8_outliers *outliers) {
    float rest = 0;
    for (size_t i = from; i < k; i++) {
        float magnitude = fabsf(x[i]);
        rest = fmaxf(rest, magnitude > threshold ? insert_outlier(outliers, (uint32_t)i, x[i], magnitude) : magnitude);
    }
    return rest;
}

// The row's outliers (see semfind_int8_quantize_rows), given its largest magnitude and its sum
// of squares; returns the largest magnitude of the rest, which sets the row's scale.
static float find_outliers_portable(const float *x, size_t k, float largest, float squares, float ratio,
                                    semfind_int8_outliers *outliers) {
    outliers->count = 0;
    float threshold = outlier_threshold(k, squares, ratio);
    return largest <= threshold ? largest : scan_outliers(x, 0, k, threshold, outliers);
}

// Sets the quantized row to 0 (its offset) at its outliers, which quantizing saturated.
static void clear_outliers(int8_t *q, const semfind_int8_outliers *outliers, int offset) {
    for (uint32_t i = 0; i < outliers->count; i++) q[outliers->index[i]] = (int8_t)offset;
}

static void quantize_row_portable(const float *x, size_t k, semfind_int8_row_format format, int8_t *q, float *scale,
                                  semfind_int8_outliers *outliers) {
    float largest = 0, squares = 0;
    for (size_t i = 0; i < k; i++) {
        largest = fmaxf(largest, fabsf(x[i]));
        squares += x[i] * x[i];
    }
    largest = find_outliers_portable(x, k, largest, squares, format.outlier_ratio, outliers);
    float inverse = largest > 0 ? (float)format.limit / largest : 0;
    for (size_t i = 0; i < k; i++) q[i] = (int8_t)(quantize(x[i], inverse, format.limit) + format.offset);
    clear_outliers(q, outliers, format.offset);
    *scale = largest / (float)format.limit;
}

#if SEMFIND_X86
#include <immintrin.h>

// find_outliers_portable, eight entries at a time: only the entries past the threshold are
// looked at one by one.
SEMFIND_AVX2 static float find_outliers_avx2(const float *x, size_t k, float largest, float squares, float ratio,
                                             semfind_int8_outliers *outliers) {
    outliers->count = 0;
    float threshold = outlier_threshold(k, squares, ratio);
    if (largest <= threshold) return largest;
    const __m256 sign = _mm256_set1_ps(-0.0f);
    const __m256 threshold8 = _mm256_set1_ps(threshold);
    __m256 rest8 = _mm256_setzero_ps();
    float rest = 0;
    size_t i = 0;
    for (; i + 8 <= k; i += 8) {
        __m256 magnitude = _mm256_andnot_ps(sign, _mm256_loadu_ps(x + i));
        __m256 beyond = _mm256_cmp_ps(magnitude, threshold8, _CMP_GT_OQ);
        rest8 = _mm256_max_ps(rest8, _mm256_andnot_ps(beyond, magnitude));
        for (unsigned bits = (unsigned)_mm256_movemask_ps(beyond); bits != 0; bits &= bits - 1) {
            size_t at = i + (size_t)__builtin_ctz(bits);
            rest = fmaxf(rest, insert_outlier(outliers, (uint32_t)at, x[at], fabsf(x[at])));
        }
    }
    rest = fmaxf(rest, scan_outliers(x, i, k, threshold, outliers));
    return fmaxf(rest, semfind_lanes_max(rest8));
}

// 32 values at a time: rounded to int32 (to nearest even), narrowed with saturation to int16
// then int8, kept within the limit, offset, and the 4-byte groups put back in order (the
// narrowing packs within 128-bit lanes).
SEMFIND_AVX2 static void quantize_row_avx2(const float *x, size_t k, semfind_int8_row_format format, int8_t *q,
                                           float *scale, semfind_int8_outliers *outliers) {
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 largest8 = _mm256_setzero_ps(), squares8 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 8 <= k; i += 8) {
        __m256 value = _mm256_loadu_ps(x + i);
        largest8 = _mm256_max_ps(largest8, _mm256_andnot_ps(sign, value));
        squares8 = _mm256_fmadd_ps(value, value, squares8);
    }
    float largest = semfind_lanes_max(largest8), squares = semfind_lanes_sum(squares8);
    for (; i < k; i++) {
        largest = fmaxf(largest, fabsf(x[i]));
        squares += x[i] * x[i];
    }
    largest = find_outliers_avx2(x, k, largest, squares, format.outlier_ratio, outliers);
    float inverse = largest > 0 ? (float)format.limit / largest : 0;
    __m256 inverse8 = _mm256_set1_ps(inverse);
    const __m256i upper = _mm256_set1_epi8((char)format.limit), lower = _mm256_set1_epi8((char)-format.limit);
    const __m256i offset = _mm256_set1_epi8((char)format.offset);
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    i = 0;
    for (; i + 32 <= k; i += 32) {
        __m256i a = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i), inverse8));
        __m256i b = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 8), inverse8));
        __m256i c = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 16), inverse8));
        __m256i d = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 24), inverse8));
        __m256i bytes = _mm256_packs_epi16(_mm256_packs_epi32(a, b), _mm256_packs_epi32(c, d));
        bytes = _mm256_add_epi8(_mm256_max_epi8(_mm256_min_epi8(bytes, upper), lower), offset);
        _mm256_storeu_si256((__m256i *)(q + i), _mm256_permutevar8x32_epi32(bytes, order));
    }
    for (; i < k; i++) q[i] = (int8_t)(quantize(x[i], inverse, format.limit) + format.offset);
    clear_outliers(q, outliers, format.offset);
    *scale = largest / (float)format.limit;
}
#endif

void semfind_int8_quantize_rows(int version, const float *x, size_t rows, size_t k, size_t x_stride, int8_t *q,
                                float *scales, semfind_int8_outliers *outliers) {
    semfind_int8_row_format format = semfind_int8_row_format_of(version);
    size_t padded_k = semfind_int8_padded_inputs(k);
    for (size_t m = 0; m < rows; m++) {
        int8_t *row = q + m * padded_k;
#if SEMFIND_X86
        if (semfind_cpu_has_avx2) {
            quantize_row_avx2(x + m * x_stride, k, format, row, scales + m, outliers + m);
        } else {
            quantize_row_portable(x + m * x_stride, k, format, row, scales + m, outliers + m);
        }
#else
        quantize_row_portable(x + m * x_stride, k, format, row, scales + m, outliers + m);
#endif
        for (size_t i = k; i < padded_k; i++) row[i] = 0;
    }
}

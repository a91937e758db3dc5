#include <string.h>

#include "CKernels.h"
#include "dispatch.h"

// Rows quantized at a time: their int8 rows (at most 64 x 1536 bytes) stay in the L2 cache
// while every block of weights passes over them.
enum { ROW_PANEL = 64 };

static void int8_linear_portable(const int8_t *q, const float *row_scales, size_t rows, size_t k,
                                 const int8_t *packed, const float *column_scales, const float *bias, size_t first,
                                 size_t end, float *y, size_t y_stride) {
    size_t padded_k = semfind_int8_padded_inputs(k);
    for (size_t m = 0; m < rows; m++) {
        const int8_t *row = q + m * padded_k;
        for (size_t n = first; n < end; n++) {
            const int8_t *column = packed + n / 16 * 16 * padded_k + n % 16 * 4;
            int32_t sum = 0;
            for (size_t i = 0; i < padded_k; i++) sum += (int32_t)row[i] * column[i / 4 * 64 + i % 4];
            y[m * y_stride + n] = (float)sum * (row_scales[m] * column_scales[n]) + bias[n];
        }
    }
}

#if SEMFIND_X86
#include <immintrin.h>

// The four quantized inputs of a row at one group, in every 32-bit lane.
static inline int32_t four_inputs(const int8_t *row, size_t group) {
    int32_t four;
    memcpy(&four, row + group * 4, 4);
    return four;
}

// Eight values from `in`, or the first `count` of them (the rest 0) when fewer columns are left.
SEMFIND_AVX2 static ALWAYS_INLINE __m256 load_columns(const float *in, size_t count) {
    if (count >= 8) return _mm256_loadu_ps(in);
    float lanes[8] = {0};
    memcpy(lanes, in, count * sizeof(float));
    return _mm256_loadu_ps(lanes);
}

// Eight results to `out`, or the first `count` of them when fewer columns are left.
SEMFIND_AVX2 static ALWAYS_INLINE void store_columns(float *out, __m256 value, size_t count) {
    if (count >= 8) {
        _mm256_storeu_ps(out, value);
    } else {
        float lanes[8];
        _mm256_storeu_ps(lanes, value);
        memcpy(out, lanes, count * sizeof(float));
    }
}

// A tile's results: for `rows` (1 to 4) rows and the block's two vectors of 8 columns,
// bias + row scale * column scale * (sum - offset * sum(w)), where the rows carried an offset
// of 1 << offset_shift (64 for the AVX2 version's 7-bit rows, 128 for AVX-VNNI's flipped sign).
SEMFIND_AVX2 static ALWAYS_INLINE void store_tile(__m256i sums[4][2], int rows, int offset_shift,
                                                  const float *row_scales, const float *column_scales,
                                                  const int32_t *column_sums, const float *bias, size_t columns_left,
                                                  float *y, size_t y_stride) {
    for (int half = 0; half < 2 && (size_t)half * 8 < columns_left; half++) {
        __m256i offset =
            _mm256_slli_epi32(_mm256_loadu_si256((const __m256i *)(column_sums + half * 8)), offset_shift);
        __m256 scales = _mm256_loadu_ps(column_scales + half * 8), shift = _mm256_loadu_ps(bias + half * 8);
        size_t count = columns_left - half * 8;
        for (int r = 0; r < rows; r++) {
            __m256 total = _mm256_cvtepi32_ps(_mm256_sub_epi32(sums[r][half], offset));
            __m256 value = _mm256_fmadd_ps(total, _mm256_mul_ps(_mm256_set1_ps(row_scales[r]), scales), shift);
            store_columns(y + r * y_stride + half * 8, value, count);
        }
    }
}

// Adds a row's products with one group of 4 inputs (`groups` 1) or two (2) to its two sums of 8
// columns: x holds the first group's inputs in every 32-bit lane, `next` the second's. vpmaddubsw
// takes the row as its unsigned operand and w as the signed one, each 16-bit lane the sum of two
// products. The two groups' lanes are added in 16 bits, four products of a quad of the packing (at
// most 127 * 258, semfind_int8_pack_weights), and vpmaddwd against ones widens them to 32 bits.
SEMFIND_AVX2 static ALWAYS_INLINE void add_groups(__m256i sums[2], int groups, __m256i x, __m256i next,
                                                  const int8_t *weights) {
    const __m256i ones = _mm256_set1_epi16(1);
    for (int half = 0; half < 2; half++) {
        __m256i lanes = _mm256_maddubs_epi16(x, _mm256_loadu_si256((const __m256i *)(weights + half * 32)));
        if (groups == 2) {
            __m256i w = _mm256_loadu_si256((const __m256i *)(weights + 64 + half * 32));
            lanes = _mm256_add_epi16(lanes, _mm256_maddubs_epi16(next, w));
        }
        sums[half] = _mm256_add_epi32(sums[half], _mm256_madd_epi16(lanes, ones));
    }
}

// `rows` (1 to 4) rows against one block of 16 columns (two vectors of 8), two groups of 4 inputs
// at a time. The rows are 7-bit, stored as x + 64 in [1, 127] (semfind_int8_row_format_of), and
// 64 * sum(w) per column comes off at the end. Per 64 multiply-adds: two vpmaddubsw, a 16-bit add
// and one vpmaddwd, where a group at a time needed two vpmaddwd, the instruction that shares
// vpmaddubsw's ports.
SEMFIND_AVX2 static ALWAYS_INLINE void tile_avx2(const int8_t *q, size_t padded_k, int rows, const int8_t *block,
                                                 const float *row_scales, const float *column_scales,
                                                 const int32_t *column_sums, const float *bias, size_t columns_left,
                                                 float *y, size_t y_stride) {
    __m256i sums[4][2];
    for (int r = 0; r < rows; r++) sums[r][0] = sums[r][1] = _mm256_setzero_si256();
    size_t groups = padded_k / 4, group = 0;
    for (; group + 2 <= groups; group += 2) {
        for (int r = 0; r < rows; r++) {
            __m256i x = _mm256_set1_epi32(four_inputs(q + r * padded_k, group));
            __m256i next = _mm256_set1_epi32(four_inputs(q + r * padded_k, group + 1));
            add_groups(sums[r], 2, x, next, block + group * 64);
        }
    }
    if (group < groups) {
        for (int r = 0; r < rows; r++) {
            __m256i x = _mm256_set1_epi32(four_inputs(q + r * padded_k, group));
            add_groups(sums[r], 1, x, x, block + group * 64);
        }
    }
    store_tile(sums, rows, 6, row_scales, column_scales, column_sums, bias, columns_left, y, y_stride);
}

// One block of 16 columns for rows [0, rows), four rows at a time.
SEMFIND_AVX2 static void block_avx2(const int8_t *q, size_t padded_k, size_t rows, const int8_t *block,
                                    const float *row_scales, const float *column_scales, const int32_t *column_sums,
                                    const float *bias, size_t columns_left, float *y, size_t y_stride) {
    size_t m = 0;
    for (; m + 4 <= rows; m += 4) {
        tile_avx2(q + m * padded_k, padded_k, 4, block, row_scales + m, column_scales, column_sums, bias,
                  columns_left, y + m * y_stride, y_stride);
    }
#define SEMFIND_AVX2_TAIL(count)                                                                                      \
    tile_avx2(q + m * padded_k, padded_k, count, block, row_scales + m, column_scales, column_sums, bias,           \
              columns_left, y + m * y_stride, y_stride)
    switch (rows - m) {
    case 3: SEMFIND_AVX2_TAIL(3); break;
    case 2: SEMFIND_AVX2_TAIL(2); break;
    case 1: SEMFIND_AVX2_TAIL(1); break;
    default: break;
    }
#undef SEMFIND_AVX2_TAIL
}

SEMFIND_AVX2 static void int8_linear_avx2(const int8_t *q, const float *row_scales, size_t rows, size_t k,
                                          const int8_t *packed, const float *column_scales,
                                          const int32_t *column_sums, const float *bias, size_t first, size_t end,
                                          float *y, size_t y_stride) {
    size_t padded_k = semfind_int8_padded_inputs(k);
    for (size_t m = 0; m < rows; m += ROW_PANEL) {
        size_t panel = rows - m < ROW_PANEL ? rows - m : ROW_PANEL;
        for (size_t n = first; n < end; n += 16) {
            block_avx2(q + m * padded_k, padded_k, panel, packed + n * padded_k, row_scales + m, column_scales + n,
                       column_sums + n, bias + n, end - n, y + m * y_stride + n, y_stride);
        }
    }
}

// `rows` (1 to 4) rows against one block of 16 columns (two vectors of 8) with AVX-VNNI's
// vpdpbusd on 256-bit vectors: unsigned by signed bytes into 32-bit sums without saturating. The
// rows come stored plus 128 (semfind_int8_row_format_of), unsigned as they are, and 128 * sum(w)
// comes off at the end, as in the AVX-512 version below.
SEMFIND_AVX_VNNI static ALWAYS_INLINE void tile_avx_vnni(const int8_t *q, size_t padded_k, int rows,
                                                         const int8_t *block, const float *row_scales,
                                                         const float *column_scales, const int32_t *column_sums,
                                                         const float *bias, size_t columns_left, float *y,
                                                         size_t y_stride) {
    __m256i sums[4][2];
    for (int r = 0; r < rows; r++) sums[r][0] = sums[r][1] = _mm256_setzero_si256();
    for (size_t group = 0; group < padded_k / 4; group++) {
        __m256i w0 = _mm256_loadu_si256((const __m256i *)(block + group * 64));
        __m256i w1 = _mm256_loadu_si256((const __m256i *)(block + group * 64 + 32));
        for (int r = 0; r < rows; r++) {
            __m256i x = _mm256_set1_epi32(four_inputs(q + r * padded_k, group));
            sums[r][0] = _mm256_dpbusd_avx_epi32(sums[r][0], x, w0);
            sums[r][1] = _mm256_dpbusd_avx_epi32(sums[r][1], x, w1);
        }
    }
    store_tile(sums, rows, 7, row_scales, column_scales, column_sums, bias, columns_left, y, y_stride);
}

// One block of 16 columns for rows [0, rows), four rows at a time.
SEMFIND_AVX_VNNI static void block_avx_vnni(const int8_t *q, size_t padded_k, size_t rows, const int8_t *block,
                                            const float *row_scales, const float *column_scales,
                                            const int32_t *column_sums, const float *bias, size_t columns_left,
                                            float *y, size_t y_stride) {
    size_t m = 0;
    for (; m + 4 <= rows; m += 4) {
        tile_avx_vnni(q + m * padded_k, padded_k, 4, block, row_scales + m, column_scales, column_sums, bias,
                      columns_left, y + m * y_stride, y_stride);
    }
#define SEMFIND_AVX_VNNI_TAIL(count)                                                                                  \
    tile_avx_vnni(q + m * padded_k, padded_k, count, block, row_scales + m, column_scales, column_sums, bias,         \
                  columns_left, y + m * y_stride, y_stride)
    switch (rows - m) {
    case 3: SEMFIND_AVX_VNNI_TAIL(3); break;
    case 2: SEMFIND_AVX_VNNI_TAIL(2); break;
    case 1: SEMFIND_AVX_VNNI_TAIL(1); break;
    default: break;
    }
#undef SEMFIND_AVX_VNNI_TAIL
}

SEMFIND_AVX_VNNI static void int8_linear_avx_vnni(const int8_t *q, const float *row_scales, size_t rows, size_t k,
                                                  const int8_t *packed, const float *column_scales,
                                                  const int32_t *column_sums, const float *bias, size_t first,
                                                  size_t end, float *y, size_t y_stride) {
    size_t padded_k = semfind_int8_padded_inputs(k);
    for (size_t m = 0; m < rows; m += ROW_PANEL) {
        size_t panel = rows - m < ROW_PANEL ? rows - m : ROW_PANEL;
        for (size_t n = first; n < end; n += 16) {
            block_avx_vnni(q + m * padded_k, padded_k, panel, packed + n * padded_k, row_scales + m,
                           column_scales + n, column_sums + n, bias + n, end - n, y + m * y_stride + n, y_stride);
        }
    }
}

// `rows` (1 to 6) rows against `blocks` (1 to 4) blocks of 16 columns, one 512-bit vector each.
// vpdpbusd multiplies unsigned by signed bytes into 32-bit sums without saturating: the rows
// come stored plus 128 (their sign bits flipped as they were quantized, which spares the loop an
// instruction per row and step), and 128 * sum(w) comes off at the end.
SEMFIND_AVX512_VNNI static ALWAYS_INLINE void tile_vnni(const int8_t *q, size_t padded_k, int rows, int blocks,
                                                        const int8_t *packed, const float *row_scales,
                                                        const float *column_scales, const int32_t *column_sums,
                                                        const float *bias, size_t columns_left, float *y,
                                                        size_t y_stride) {
    __m512i sums[6][4];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < blocks; c++) sums[r][c] = _mm512_setzero_si512();
    for (size_t group = 0; group < padded_k / 4; group++) {
        __m512i w[4];
        for (int c = 0; c < blocks; c++) w[c] = _mm512_loadu_si512(packed + c * 16 * padded_k + group * 64);
        for (int r = 0; r < rows; r++) {
            __m512i x = _mm512_set1_epi32(four_inputs(q + r * padded_k, group));
            for (int c = 0; c < blocks; c++) sums[r][c] = _mm512_dpbusd_epi32(sums[r][c], x, w[c]);
        }
    }
    for (int c = 0; c < blocks && (size_t)c * 16 < columns_left; c++) {
        size_t count = columns_left - c * 16;
        __mmask16 mask = count >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << count) - 1);
        __m512i offset = _mm512_slli_epi32(_mm512_loadu_si512(column_sums + c * 16), 7);
        __m512 scales = _mm512_loadu_ps(column_scales + c * 16), shift = _mm512_loadu_ps(bias + c * 16);
        for (int r = 0; r < rows; r++) {
            __m512 total = _mm512_cvtepi32_ps(_mm512_sub_epi32(sums[r][c], offset));
            __m512 scale = _mm512_mul_ps(_mm512_set1_ps(row_scales[r]), scales);
            _mm512_mask_storeu_ps(y + r * y_stride + c * 16, mask, _mm512_fmadd_ps(total, scale, shift));
        }
    }
}

// Blocks [0, blocks) (1 to 4 of them) for rows [0, rows), six rows at a time.
SEMFIND_AVX512_VNNI static ALWAYS_INLINE void blocks_vnni(const int8_t *q, size_t padded_k, size_t rows, int blocks,
                                                          const int8_t *packed, const float *row_scales,
                                                          const float *column_scales, const int32_t *column_sums,
                                                          const float *bias, size_t columns_left, float *y,
                                                          size_t y_stride) {
    size_t m = 0;
    for (; m + 6 <= rows; m += 6) {
        tile_vnni(q + m * padded_k, padded_k, 6, blocks, packed, row_scales + m, column_scales, column_sums, bias,
                  columns_left, y + m * y_stride, y_stride);
    }
#define SEMFIND_VNNI_TAIL(count)                                                                                      \
    tile_vnni(q + m * padded_k, padded_k, count, blocks, packed, row_scales + m, column_scales, column_sums, bias,    \
              columns_left, y + m * y_stride, y_stride)
    switch (rows - m) {
    case 5: SEMFIND_VNNI_TAIL(5); break;
    case 4: SEMFIND_VNNI_TAIL(4); break;
    case 3: SEMFIND_VNNI_TAIL(3); break;
    case 2: SEMFIND_VNNI_TAIL(2); break;
    case 1: SEMFIND_VNNI_TAIL(1); break;
    default: break;
    }
#undef SEMFIND_VNNI_TAIL
}

SEMFIND_AVX512_VNNI static void four_blocks_vnni(const int8_t *q, size_t padded_k, size_t rows, const int8_t *packed,
                                                 const float *row_scales, const float *column_scales,
                                                 const int32_t *column_sums, const float *bias, size_t columns_left,
                                                 float *y, size_t y_stride) {
    blocks_vnni(q, padded_k, rows, 4, packed, row_scales, column_scales, column_sums, bias, columns_left, y, y_stride);
}

SEMFIND_AVX512_VNNI static void one_block_vnni(const int8_t *q, size_t padded_k, size_t rows, const int8_t *packed,
                                               const float *row_scales, const float *column_scales,
                                               const int32_t *column_sums, const float *bias, size_t columns_left,
                                               float *y, size_t y_stride) {
    blocks_vnni(q, padded_k, rows, 1, packed, row_scales, column_scales, column_sums, bias, columns_left, y, y_stride);
}

SEMFIND_AVX512_VNNI static void int8_linear_vnni(const int8_t *q, const float *row_scales, size_t rows, size_t k,
                                                 const int8_t *packed, const float *column_scales,
                                                 const int32_t *column_sums, const float *bias, size_t first,
                                                 size_t end, float *y, size_t y_stride) {
    size_t padded_k = semfind_int8_padded_inputs(k);
    for (size_t m = 0; m < rows; m += ROW_PANEL) {
        size_t panel = rows - m < ROW_PANEL ? rows - m : ROW_PANEL;
        const int8_t *rows_q = q + m * padded_k;
        float *rows_y = y + m * y_stride;
        size_t n = first;
        for (; n + 64 <= end; n += 64) {
            four_blocks_vnni(rows_q, padded_k, panel, packed + n * padded_k, row_scales + m, column_scales + n,
                             column_sums + n, bias + n, end - n, rows_y + n, y_stride);
        }
        for (; n < end; n += 16) {
            one_block_vnni(rows_q, padded_k, panel, packed + n * padded_k, row_scales + m, column_scales + n,
                           column_sums + n, bias + n, end - n, rows_y + n, y_stride);
        }
    }
}
#endif

int semfind_int8_supports(int version) {
    switch (version) {
    case SEMFIND_INT8_PORTABLE: return 1;
#if SEMFIND_X86
    case SEMFIND_INT8_AVX2: return semfind_cpu_has_avx2;
    case SEMFIND_INT8_AVX_VNNI: return semfind_cpu_has_avx_vnni;
    case SEMFIND_INT8_VNNI: return semfind_cpu_has_avx512_vnni;
#endif
    default: return 0;
    }
}

int semfind_int8_best_version(void) {
    for (int version = SEMFIND_INT8_VNNI; version > SEMFIND_INT8_PORTABLE; version--) {
        if (semfind_int8_supports(version)) return version;
    }
    return SEMFIND_INT8_PORTABLE;
}

int semfind_int8_runnable_version(int version) {
    return semfind_int8_supports(version) ? version : semfind_int8_best_version();
}

// semfind_int8_linear without the outliers, by a version the processor runs.
static void int8_products(int version, const int8_t *q, const float *row_scales, size_t rows, size_t k,
                          const int8_t *packed, const float *column_scales,
                          const int32_t *column_sums, const float *bias, size_t first_column, size_t end_column,
                          float *y, size_t y_stride) {
#if SEMFIND_X86
    if (version == SEMFIND_INT8_VNNI) {
        int8_linear_vnni(q, row_scales, rows, k, packed, column_scales, column_sums, bias, first_column, end_column,
                         y, y_stride);
        return;
    }
    if (version == SEMFIND_INT8_AVX_VNNI) {
        int8_linear_avx_vnni(q, row_scales, rows, k, packed, column_scales, column_sums, bias, first_column,
                             end_column, y, y_stride);
        return;
    }
    if (version == SEMFIND_INT8_AVX2) {
        int8_linear_avx2(q, row_scales, rows, k, packed, column_scales, column_sums, bias, first_column, end_column,
                         y, y_stride);
        return;
    }
#endif
    int8_linear_portable(q, row_scales, rows, k, packed, column_scales, bias, first_column, end_column, y, y_stride);
}

// Adds each row's outliers times the weights of their inputs: y[m][n] += scale[n] * sum over
// the outliers of value * w[n][index], with the same quantized weights as the rest of the product,
// read from their copy by input.
static void add_outliers_portable(const semfind_int8_outliers *outliers, size_t rows, size_t padded_columns,
                                  const int8_t *by_input, const float *column_scales, size_t first, size_t end,
                                  float *y, size_t y_stride) {
    for (size_t m = 0; m < rows; m++) {
        const semfind_int8_outliers *row = outliers + m;
        if (row->count == 0) continue;
        for (size_t n = first; n < end; n++) {
            float sum = 0;
            for (uint32_t o = 0; o < row->count; o++) {
                sum += row->value[o] * (float)by_input[row->index[o] * padded_columns + n];
            }
            y[m * y_stride + n] += column_scales[n] * sum;
        }
    }
}

#if SEMFIND_X86
// Columns of a row that add_outliers_avx2 sums at once, eight per vector.
enum { OUTLIER_VECTORS = 8 };

// Adds one row's outliers to `vectors` (1 to OUTLIER_VECTORS) vectors of eight columns from
// column n on. An outlier's weights for 64 columns are one cache line of by_input, eight bytes
// widened per vector. The outliers are the outer loop, so that the vectors' sums do not wait on
// each other.
SEMFIND_AVX2 static ALWAYS_INLINE void add_row_outliers(const semfind_int8_outliers *row, int vectors,
                                                        size_t padded_columns, const int8_t *by_input,
                                                        const float *column_scales, size_t n, size_t end,
                                                        float *y_row) {
    __m256 sums[OUTLIER_VECTORS];
    for (int c = 0; c < vectors; c++) sums[c] = _mm256_setzero_ps();
    for (uint32_t o = 0; o < row->count; o++) {
        const int8_t *weights = by_input + row->index[o] * padded_columns + n;
        __m256 value = _mm256_set1_ps(row->value[o]);
        for (int c = 0; c < vectors; c++) {
            __m256i wide = _mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *)(weights + c * 8)));
            sums[c] = _mm256_fmadd_ps(value, _mm256_cvtepi32_ps(wide), sums[c]);
        }
    }
    for (int c = 0; c < vectors; c++) {
        size_t column = n + (size_t)c * 8, count = end - column < 8 ? end - column : 8;
        float *out = y_row + column;
        __m256 value = _mm256_fmadd_ps(_mm256_loadu_ps(column_scales + column), sums[c], load_columns(out, count));
        store_columns(out, value, count);
    }
}

// add_outliers_portable, OUTLIER_VECTORS vectors of eight columns at a time: the same products,
// summed in the same order.
SEMFIND_AVX2 static void add_outliers_avx2(const semfind_int8_outliers *outliers, size_t rows, size_t padded_columns,
                                           const int8_t *by_input, const float *column_scales, size_t first,
                                           size_t end, float *y, size_t y_stride) {
    const size_t span = OUTLIER_VECTORS * 8;
    for (size_t m = 0; m < rows; m++) {
        const semfind_int8_outliers *row = outliers + m;
        if (row->count == 0) continue;
        size_t n = first;
        for (; n + span <= end; n += span) {
            add_row_outliers(row, OUTLIER_VECTORS, padded_columns, by_input, column_scales, n, end, y + m * y_stride);
        }
        if (n < end) {
            add_row_outliers(row, (int)((end - n + 7) / 8), padded_columns, by_input, column_scales, n, end,
                             y + m * y_stride);
        }
    }
}
#endif

void semfind_int8_linear(int version, const int8_t *q, const float *row_scales,
                         const semfind_int8_outliers *outliers, size_t rows, const semfind_int8_weights *w,
                         size_t first_column, size_t end_column, float *y, size_t y_stride) {
    version = semfind_int8_runnable_version(version);
    int8_products(version, q, row_scales, rows, w->k, w->packed, w->scales, w->sums, w->bias, first_column,
                  end_column, y, y_stride);
    size_t padded_columns = semfind_int8_padded_columns(w->columns);
#if SEMFIND_X86
    if (version != SEMFIND_INT8_PORTABLE) {
        add_outliers_avx2(outliers, rows, padded_columns, w->by_input, w->scales, first_column, end_column, y,
                          y_stride);
        return;
    }
#endif
    add_outliers_portable(outliers, rows, padded_columns, w->by_input, w->scales, first_column, end_column, y,
                          y_stride);
}

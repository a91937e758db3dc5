#ifndef SEMFIND_CKERNELS_H
#define SEMFIND_CKERNELS_H

#include <stddef.h>
#include <stdint.h>

// Hot loops of the encoder that need the CPU's full vector width. Each picks, once, an
// AVX2+FMA version on x86-64 processors that have it, else a portable C version.

/// y[m][n] = bias[n] + sum_k x[m][k] * w[n][k], for rows m < rows and columns n in
/// [first_column, end_column). x is rows x k (row stride k), w is columns x k (the
/// checkpoint's [out, in] layout), y has row stride y_stride. Reads w once: meant for few
/// rows, where a packing GEMM spends more time copying w than multiplying.
void semfind_linear_small(const float *x, size_t rows, size_t k, const float *w, const float *bias,
                          size_t first_column, size_t end_column, float *y, size_t y_stride);

/// The widest instruction sets an OpenBLAS kernel set uses, narrowest first.
enum { SEMFIND_BLAS_SSE = 0, SEMFIND_BLAS_AVX = 1, SEMFIND_BLAS_AVX2 = 2, SEMFIND_BLAS_AVX512 = 3 };

/// The tier of an OpenBLAS core name (openblas_get_corename, OPENBLAS_CORETYPE), or -1 for a
/// name semfind does not know.
int semfind_blas_tier_of_core(const char *core);

/// The tier this processor runs (AVX-512 needs F, BW, DQ and VL; AVX2 needs FMA too); -1
/// where semfind does not choose OpenBLAS's kernels (other than Linux on x86-64).
int semfind_blas_tier_of_processor(void);

/// The OPENBLAS_CORETYPE that semfind names for a tier (AMD's own for AVX2), or NULL where it
/// leaves the choice to OpenBLAS.
const char *semfind_blas_core_for_tier(int tier, int amd);

/// When OpenBLAS chose kernels of a lower tier than this processor runs and OPENBLAS_CORETYPE
/// is unset, sets it and executes this program again with `argv` (Linux: /proc/self/exe);
/// otherwise, or if that fails, returns. Call it before the program opens or starts anything.
void semfind_restart_with_openblas_core(char *const *argv);

/// The versions of the int8 linear kernel, slowest first. A processor may run a faster one and
/// not a slower one (AVX-512 VNNI without AVX-VNNI): ask semfind_int8_supports.
enum {
    SEMFIND_INT8_PORTABLE = 0,
    SEMFIND_INT8_AVX2 = 1,      // vpmaddubsw and vpmaddwd, on 7-bit rows
    SEMFIND_INT8_AVX_VNNI = 2,  // AVX-VNNI: vpdpbusd on 256-bit vectors
    SEMFIND_INT8_VNNI = 3,      // AVX-512 vpdpbusd
};

/// The fastest int8 linear version this processor runs.
int semfind_int8_best_version(void);

/// Whether this processor runs int8 linear `version`.
int semfind_int8_supports(int version);

/// The version that runs when `version` is asked for: itself if the processor runs it, else the
/// best it has. Quantizing rows and multiplying them both resolve a version this way, so they
/// agree on its row format.
int semfind_int8_runnable_version(int version);

/// Columns and inputs of a packed int8 weight matrix: columns rounded up to a multiple of 16,
/// inputs to a multiple of 4. Packed weights take padded_columns * padded_inputs bytes.
size_t semfind_int8_padded_columns(size_t columns);
size_t semfind_int8_padded_inputs(size_t k);

/// Quantizes w (columns x k, the checkpoint's [out, in] layout) per output column, symmetric:
/// scales[n] = max |w[n]| / limit, q = round(w / scale), where the limit is the largest up to 127
/// at which the magnitudes of every quad of q sum to at most SEMFIND_INT8_QUAD_LIMIT. A quad is
/// the four inputs whose products the AVX2 kernel adds in 16 bits: 8p + h, 8p + h + 1, 8p + h + 4
/// and 8p + h + 5, for h = 0 and 2. Most columns of a trained model keep 127 or lose a few steps
/// (MiniLM: half keep it; 0.08 bits lost on average). Writes q in the packed layout (blocks of
/// 16 columns; in a block, 4 consecutive inputs of column 0, then of column 1, ...; padding
/// zero), scales and sums[n] = sum of column n's q (padded entries 0). Writes the same q by
/// input as well: by_input[i * padded_columns + n] (k * padded_columns bytes, padding zero), the
/// layout in which a row's few outliers read their weights.
void semfind_int8_pack_weights(const float *w, size_t columns, size_t k, int8_t *packed, int8_t *by_input,
                               float *scales, int32_t *sums);

/// The bound on a quad's magnitudes (semfind_int8_pack_weights): with 7-bit rows stored as at
/// most 127, four products sum to at most 127 * 258 = 32,766, within 16 bits.
#define SEMFIND_INT8_QUAD_LIMIT 258

/// Most entries of a row that semfind_int8_quantize_rows sets aside, in float32.
#define SEMFIND_INT8_ROW_OUTLIERS 8

/// A row's outliers: `count` entries (at most SEMFIND_INT8_ROW_OUTLIERS) whose input index and
/// float32 value semfind_int8_quantize_rows set aside from the row's int8 quantization.
typedef struct {
    uint32_t count;
    uint32_t index[SEMFIND_INT8_ROW_OUTLIERS];
    float value[SEMFIND_INT8_ROW_OUTLIERS];
} semfind_int8_outliers;

/// How the rows that int8 linear `version` reads are quantized: entries within ±limit, stored
/// plus offset, and an entry beyond outlier_ratio times its row's root mean square is an outlier
/// (transformer activations put a few such entries in fixed channels, and one of them would
/// otherwise set the scale of every other entry of its row).
/// - Portable: limit 127, offset 0, outlier ratio 6.
/// - VNNI and AVX-VNNI: limit 127, offset 128, outlier ratio 6. Stored as x + 128 in [1, 255] (the
///   sign bit flipped), a row is `vpdpbusd`'s unsigned operand as it is.
/// - AVX2: 7-bit rows, limit 63, offset 64, outlier ratio 3. Stored as x + 64 in [1, 127], a row
///   is `vpmaddubsw`'s unsigned operand as it is, and every pair of products stays within 16 bits
///   (2 * 127 * 127); 8-bit rows needed a sign step per multiply (docs/PERFORMANCE.md, "7-bit
///   rows on AVX2"). The lower outlier ratio wins back part of the precision the bit costs.
typedef struct {
    int limit;
    int offset;
    float outlier_ratio;
} semfind_int8_row_format;

/// The row format int8 linear `version` reads (a version the processor lacks: the best it has).
semfind_int8_row_format semfind_int8_row_format_of(int version);

/// Quantizes each of `rows` rows of x (k values, row stride x_stride) symmetrically in the row
/// format of `version`, its outliers set aside: outliers[m] gets the row's entries beyond the
/// format's outlier ratio times its root mean square (the largest SEMFIND_INT8_ROW_OUTLIERS of
/// them, largest first), q[m] holds 0 (plus the offset) at each, and of the rest
/// scales[m] = max |x[m]| / limit, q[m] = round(x[m] / scale) + offset. q has row stride
/// semfind_int8_padded_inputs(k) and zero padding.
void semfind_int8_quantize_rows(int version, const float *x, size_t rows, size_t k, size_t x_stride, int8_t *q,
                                float *scales, semfind_int8_outliers *outliers);

/// A dense layer's quantized weights, from semfind_int8_pack_weights: `columns` outputs of `k`
/// inputs, and bias with padded_columns entries.
typedef struct {
    const int8_t *packed;
    const int8_t *by_input;
    const float *scales;
    const int32_t *sums;
    const float *bias;
    size_t columns;
    size_t k;
} semfind_int8_weights;

/// y[m][n] = bias[n] + row_scales[m] * scales[n] * sum_k (q[m][k] - offset) * w[n][k]
///           + sum over outliers[m] of value * scales[n] * w[n][index],
/// for m < rows and n in [first_column, end_column), with q, row scales and outliers from
/// semfind_int8_quantize_rows for the same `version` (its format's offset). first_column must be
/// a multiple of 16. `version` picks the kernel (one the processor lacks falls back to the best
/// it has, as semfind_int8_quantize_rows does); the 32-bit sums are exact in every version.
void semfind_int8_linear(int version, const int8_t *q, const float *row_scales,
                         const semfind_int8_outliers *outliers, size_t rows, const semfind_int8_weights *w,
                         size_t first_column, size_t end_column, float *y, size_t y_stride);

/// Exact GELU, x/2 * (1 + erf(x / sqrt 2)), in place; erf to within 1.5e-7.
void semfind_gelu(float *values, size_t count);

/// Softmax of each of `rows` rows of `width` scores (row stride `stride`), in place, after
/// scaling them by `scale`.
void semfind_softmax_rows(float *scores, size_t rows, size_t width, size_t stride, float scale);

/// Layer normalization of each of `rows` rows of `width` values (stride `width`), in place:
/// zero mean and unit variance (plus `epsilon`), then times gamma plus beta, entry by entry.
void semfind_layer_norm_rows(float *values, size_t rows, size_t width, const float *gamma, const float *beta,
                             float epsilon);

/// semfind_gelu, semfind_softmax_rows and semfind_layer_norm_rows on vectors of at most `lanes`
/// floats: the widest version of 16 (AVX-512), 8 (AVX2) and 1 that the processor runs (the
/// tests check each).
void semfind_gelu_lanes(float *values, size_t count, int lanes);
void semfind_softmax_rows_lanes(float *scores, size_t rows, size_t width, size_t stride, float scale, int lanes);
void semfind_layer_norm_rows_lanes(float *values, size_t rows, size_t width, const float *gamma, const float *beta,
                                   float epsilon, int lanes);

/// Scales each of `rows` rows of `width` scores (row stride `stride`) by `scale` and adds a
/// relative position bias: score(i, j) = score(i, j) · scale + bias[j − i], where row r is query
/// i = first_row + r and `bias` points at the entry for j = i (entries for j < i lie before it).
void semfind_add_relative_bias(float *scores, size_t rows, size_t width, size_t stride, size_t first_row, float scale,
                               const float *bias);

/// Multi-head self-attention of one short sequence: for each head h, softmax(Q_h K_hᵀ · scale
/// + B_h) V_h into context. Row t of query/key/value starts at qkv + t * stride (+ hidden for
/// keys, + 2 * hidden for values); context row t at context + t * context_stride. `scores` holds
/// length floats. B_h is absent when `bias` is NULL (BERT), else head h's relative position
/// bias as `semfind_add_relative_bias` reads it, at bias + h * bias_head_stride (MPNet). Meant
/// for short sequences, where a BLAS call per head costs more than the arithmetic.
void semfind_attention_small(const float *qkv, size_t length, size_t hidden, size_t heads, size_t stride,
                             float scale, const float *bias, size_t bias_head_stride, float *context,
                             size_t context_stride, float *scores);

/// The same attention as `semfind_attention_small`, for sequences of any length, a head at a
/// time: its keys packed in panels of 16 and its values packed once, then the scores of four
/// queries at a time against 16 keys at a time, their softmax, and their context, in registers
/// (no BLAS call, and no score matrix to zero). Runs only where
/// `semfind_attention_tiled_supports(width)`; `scratch` holds
/// `semfind_attention_tiled_scratch(length, width)` floats.
void semfind_attention_tiled(const float *qkv, size_t length, size_t hidden, size_t heads, size_t stride,
                             float scale, const float *bias, size_t bias_head_stride, float *context,
                             size_t context_stride, float *scratch);

/// Nonzero when `semfind_attention_tiled` runs heads of `width` on this processor: AVX2 and FMA,
/// and a width that is a multiple of 16 (MiniLM's 32, BERT-base's and MPNet's 64).
int semfind_attention_tiled_supports(size_t width);

/// Nonzero when the encoder should call `semfind_attention_tiled` rather than OpenBLAS: it runs,
/// and the processor lacks AVX-512 F. OpenBLAS's AVX-512 kernels are twice as wide as this
/// kernel, and the two have not been measured against each other there.
int semfind_attention_tiled_preferred(size_t width);

/// Floats of scratch `semfind_attention_tiled` needs for a sequence of `length` and heads of `width`.
size_t semfind_attention_tiled_scratch(size_t length, size_t width);

/// out[r] = sum_j query[j] * matrix[r * dim + j] for each of `rows` int8 rows, in 32 bits
/// (exact: no saturation for values in [-127, 127]). The scan of quantized vectors.
void semfind_int8_scores(const int8_t *matrix, const int8_t *query, size_t rows, size_t dim, int32_t *out);

/// out[r] = sum_j query[j] * matrix[r * dim + j] for each of `rows` float rows: a scan at memory
/// speed for one query (OpenBLAS's sgemv took 2.7 times FAISS's time over the same rows).
void semfind_f32_scores(const float *matrix, const float *query, size_t rows, size_t dim, float *out);

/// sum_j query[j] * row[j] for a float query and one int8 row: a stored int8 vector's similarity
/// before its scale (rescoring an index that stores int8).
float semfind_dot_f32_i8(const float *query, const int8_t *row, size_t dim);

/// Stops OpenBLAS's idle worker threads (they start again when a product needs them); a no-op
/// with a BLAS that lacks OpenBLAS's entry point.
void semfind_quiet_blas_threads(void);

/// The process's one lock around OpenBLAS work that may run on its thread pool: its thread
/// count is process-wide state, and two threads multiplying at once while one of them changes
/// it (or sets several threads) deadlocked a test process inside OpenBLAS. The encoder holds it
/// for a whole `encode`; the vector index's exact scans and k-means hold it for theirs.
void semfind_blas_lock(void);
void semfind_blas_unlock(void);

#endif

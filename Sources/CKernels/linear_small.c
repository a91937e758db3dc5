#include "CKernels.h"
#include "dispatch.h"

static void linear_small_portable(const float *x, size_t rows, size_t k, const float *w, const float *bias,
                                  size_t first, size_t end, float *y, size_t y_stride) {
    for (size_t m = 0; m < rows; m++) {
        const float *row = x + m * k;
        for (size_t n = first; n < end; n++) {
            const float *column = w + n * k;
            float sum = 0;
            for (size_t i = 0; i < k; i++) sum += row[i] * column[i];
            y[m * y_stride + n] = bias[n] + sum;
        }
    }
}

#if SEMFIND_X86
#include <immintrin.h>

SEMFIND_AVX2 static inline float horizontal_sum(__m256 v) {
    __m128 low = _mm256_castps256_ps128(v), high = _mm256_extractf128_ps(v, 1);
    __m128 s = _mm_add_ps(low, high);
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

// Two rows by four columns of dot products per pass; k must be a multiple of 8 (the portable
// version serves other shapes).
SEMFIND_AVX2 static void linear_small_avx2(const float *x, size_t rows, size_t k, const float *w, const float *bias,
                                           size_t first, size_t end, float *y, size_t y_stride) {
    size_t n = first;
    for (; n + 4 <= end; n += 4) {
        const float *w0 = w + n * k, *w1 = w0 + k, *w2 = w1 + k, *w3 = w2 + k;
        size_t m = 0;
        for (; m + 2 <= rows; m += 2) {
            const float *a = x + m * k, *b = a + k;
            __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (size_t i = 0; i < k; i += 8) {
                __m256 va = _mm256_loadu_ps(a + i), vb = _mm256_loadu_ps(b + i);
                __m256 v0 = _mm256_loadu_ps(w0 + i), v1 = _mm256_loadu_ps(w1 + i);
                __m256 v2 = _mm256_loadu_ps(w2 + i), v3 = _mm256_loadu_ps(w3 + i);
                a0 = _mm256_fmadd_ps(va, v0, a0); a1 = _mm256_fmadd_ps(va, v1, a1);
                a2 = _mm256_fmadd_ps(va, v2, a2); a3 = _mm256_fmadd_ps(va, v3, a3);
                b0 = _mm256_fmadd_ps(vb, v0, b0); b1 = _mm256_fmadd_ps(vb, v1, b1);
                b2 = _mm256_fmadd_ps(vb, v2, b2); b3 = _mm256_fmadd_ps(vb, v3, b3);
            }
            float *ya = y + m * y_stride + n, *yb = ya + y_stride;
            ya[0] = bias[n] + horizontal_sum(a0); ya[1] = bias[n + 1] + horizontal_sum(a1);
            ya[2] = bias[n + 2] + horizontal_sum(a2); ya[3] = bias[n + 3] + horizontal_sum(a3);
            yb[0] = bias[n] + horizontal_sum(b0); yb[1] = bias[n + 1] + horizontal_sum(b1);
            yb[2] = bias[n + 2] + horizontal_sum(b2); yb[3] = bias[n + 3] + horizontal_sum(b3);
        }
        if (m < rows) {
            const float *a = x + m * k;
            __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
            for (size_t i = 0; i < k; i += 8) {
                __m256 va = _mm256_loadu_ps(a + i);
                a0 = _mm256_fmadd_ps(va, _mm256_loadu_ps(w0 + i), a0);
                a1 = _mm256_fmadd_ps(va, _mm256_loadu_ps(w1 + i), a1);
                a2 = _mm256_fmadd_ps(va, _mm256_loadu_ps(w2 + i), a2);
                a3 = _mm256_fmadd_ps(va, _mm256_loadu_ps(w3 + i), a3);
            }
            float *ya = y + m * y_stride + n;
            ya[0] = bias[n] + horizontal_sum(a0); ya[1] = bias[n + 1] + horizontal_sum(a1);
            ya[2] = bias[n + 2] + horizontal_sum(a2); ya[3] = bias[n + 3] + horizontal_sum(a3);
        }
    }
    if (n < end) linear_small_portable(x, rows, k, w, bias, n, end, y, y_stride);
}
#endif

void semfind_linear_small(const float *x, size_t rows, size_t k, const float *w, const float *bias,
                          size_t first_column, size_t end_column, float *y, size_t y_stride) {
#if SEMFIND_X86
    if (semfind_cpu_has_avx2 && k % 8 == 0) {
        linear_small_avx2(x, rows, k, w, bias, first_column, end_column, y, y_stride);
        return;
    }
#endif
    linear_small_portable(x, rows, k, w, bias, first_column, end_column, y, y_stride);
}

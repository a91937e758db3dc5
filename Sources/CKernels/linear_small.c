#include "CKernels.h"
#include "dispatch.h"
#include "lanes.h"

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

// Four rows by three columns of dot products per pass (twelve accumulators, seven loads per
// twelve multiply-adds); k must be a multiple of 8 (the portable version serves other shapes).
SEMFIND_AVX2 static void linear_small_avx2(const float *x, size_t rows, size_t k, const float *w, const float *bias,
                                           size_t first, size_t end, float *y, size_t y_stride) {
    size_t n = first;
    for (; n + 3 <= end; n += 3) {
        const float *w0 = w + n * k, *w1 = w0 + k, *w2 = w1 + k;
        size_t m = 0;
        for (; m + 4 <= rows; m += 4) {
            const float *r0 = x + m * k, *r1 = r0 + k, *r2 = r1 + k, *r3 = r2 + k;
            __m256 s[4][3];
            for (int i = 0; i < 4; i++) s[i][0] = s[i][1] = s[i][2] = _mm256_setzero_ps();
            for (size_t i = 0; i < k; i += 8) {
                __m256 v0 = _mm256_loadu_ps(w0 + i), v1 = _mm256_loadu_ps(w1 + i), v2 = _mm256_loadu_ps(w2 + i);
                __m256 a = _mm256_loadu_ps(r0 + i);
                s[0][0] = _mm256_fmadd_ps(a, v0, s[0][0]); s[0][1] = _mm256_fmadd_ps(a, v1, s[0][1]);
                s[0][2] = _mm256_fmadd_ps(a, v2, s[0][2]);
                a = _mm256_loadu_ps(r1 + i);
                s[1][0] = _mm256_fmadd_ps(a, v0, s[1][0]); s[1][1] = _mm256_fmadd_ps(a, v1, s[1][1]);
                s[1][2] = _mm256_fmadd_ps(a, v2, s[1][2]);
                a = _mm256_loadu_ps(r2 + i);
                s[2][0] = _mm256_fmadd_ps(a, v0, s[2][0]); s[2][1] = _mm256_fmadd_ps(a, v1, s[2][1]);
                s[2][2] = _mm256_fmadd_ps(a, v2, s[2][2]);
                a = _mm256_loadu_ps(r3 + i);
                s[3][0] = _mm256_fmadd_ps(a, v0, s[3][0]); s[3][1] = _mm256_fmadd_ps(a, v1, s[3][1]);
                s[3][2] = _mm256_fmadd_ps(a, v2, s[3][2]);
            }
            for (int r = 0; r < 4; r++) {
                float *out = y + (m + r) * y_stride + n;
                for (int c = 0; c < 3; c++) out[c] = bias[n + c] + semfind_lanes_sum(s[r][c]);
            }
        }
        for (; m < rows; m++) {
            const float *r0 = x + m * k;
            __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0;
            for (size_t i = 0; i < k; i += 8) {
                __m256 a = _mm256_loadu_ps(r0 + i);
                s0 = _mm256_fmadd_ps(a, _mm256_loadu_ps(w0 + i), s0);
                s1 = _mm256_fmadd_ps(a, _mm256_loadu_ps(w1 + i), s1);
                s2 = _mm256_fmadd_ps(a, _mm256_loadu_ps(w2 + i), s2);
            }
            float *out = y + m * y_stride + n;
            out[0] = bias[n] + semfind_lanes_sum(s0);
            out[1] = bias[n + 1] + semfind_lanes_sum(s1);
            out[2] = bias[n + 2] + semfind_lanes_sum(s2);
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

// e^x, erf, GELU, softmax rows and layer normalization over one vector width; activations.c includes this file once
// per width, after defining:
//   LANES_TARGET   the target attribute of the width's functions
//   LANES_NAME(f)  f's name at this width (f_avx2, f_avx512)
//   LANES          floats per vector;   V, VI  the float and integer vector types
//   L(op)          the width's intrinsic for op (_mm256_##op, _mm512_##op)
//   L_SI(op)       the width's bitwise op on whole vectors (_mm256_##op##_si256, …)
//   LANES_ROUND(x), LANES_AS_FLOAT(i), LANES_AS_INT(x)  round to nearest, reinterpret bits
//   LANES_MAX(v), LANES_SUM(v)  reductions over the lanes
// and undefines them all at its end.
// Every lane computes the same operations at every width, so widths differ only in the order of
// the sums over a row (a softmax's, a layer norm's mean and variance).

/// e^x per lane, relative error about 2e-7: x = n ln2 + r, |r| <= ln2/2, e^r by its Taylor
/// series to degree 7, 2^n built in the exponent bits.
LANES_TARGET static inline V LANES_NAME(exp)(V x) {
    x = L(max_ps)(L(min_ps)(x, L(set1_ps)(88.0f)), L(set1_ps)(-87.3f));
    V n = LANES_ROUND(L(mul_ps)(x, L(set1_ps)(1.44269504f)));
    V r = L(fnmadd_ps)(n, L(set1_ps)(0.693145751953125f), x);
    r = L(fnmadd_ps)(n, L(set1_ps)(1.428606765330187e-6f), r);
    V p = L(set1_ps)(1.0f / 5040);
    p = L(fmadd_ps)(p, r, L(set1_ps)(1.0f / 720));
    p = L(fmadd_ps)(p, r, L(set1_ps)(1.0f / 120));
    p = L(fmadd_ps)(p, r, L(set1_ps)(1.0f / 24));
    p = L(fmadd_ps)(p, r, L(set1_ps)(1.0f / 6));
    p = L(fmadd_ps)(p, r, L(set1_ps)(0.5f));
    p = L(fmadd_ps)(p, r, L(set1_ps)(1.0f));
    p = L(fmadd_ps)(p, r, L(set1_ps)(1.0f));
    VI exponent = L(slli_epi32)(L(add_epi32)(L(cvtps_epi32)(n), L(set1_epi32)(127)), 23);
    return L(mul_ps)(p, LANES_AS_FLOAT(exponent));
}

/// erf(x) per lane, absolute error below 1.5e-7 (Abramowitz and Stegun 7.1.26).
LANES_TARGET static inline V LANES_NAME(erf)(V x) {
    VI sign_bit = L(set1_epi32)((int)0x80000000u);
    VI sign = L_SI(and)(LANES_AS_INT(x), sign_bit);
    V a = LANES_AS_FLOAT(L_SI(andnot)(sign_bit, LANES_AS_INT(x)));
    V one = L(set1_ps)(1.0f);
    V t = L(div_ps)(one, L(fmadd_ps)(L(set1_ps)(0.3275911f), a, one));
    V p = L(set1_ps)(1.061405429f);
    p = L(fmadd_ps)(p, t, L(set1_ps)(-1.453152027f));
    p = L(fmadd_ps)(p, t, L(set1_ps)(1.421413741f));
    p = L(fmadd_ps)(p, t, L(set1_ps)(-0.284496736f));
    p = L(fmadd_ps)(p, t, L(set1_ps)(0.254829592f));
    V e = LANES_NAME(exp)(L(mul_ps)(L(sub_ps)(L(setzero_ps)(), a), a));
    V y = L(fnmadd_ps)(L(mul_ps)(p, t), e, one);
    return LANES_AS_FLOAT(L_SI(or)(LANES_AS_INT(y), sign));
}

LANES_TARGET static void LANES_NAME(gelu)(float *values, size_t count) {
    size_t i = 0;
    for (; i + LANES <= count; i += LANES) {
        V x = L(loadu_ps)(values + i);
        V e = LANES_NAME(erf)(L(mul_ps)(x, L(set1_ps)(0.70710678118654752f)));
        V half_x = L(mul_ps)(x, L(set1_ps)(0.5f));
        L(storeu_ps)(values + i, L(fmadd_ps)(half_x, e, half_x));
    }
    gelu_portable(values + i, count - i);
}

LANES_TARGET static void LANES_NAME(softmax_row)(float *row, size_t width, float scale) {
    size_t i = 0;
    V vmax = L(set1_ps)(-INFINITY);
    for (; i + LANES <= width; i += LANES) vmax = L(max_ps)(vmax, L(loadu_ps)(row + i));
    float maximum = LANES_MAX(vmax);
    for (; i < width; i++) maximum = fmaxf(maximum, row[i]);
    V vscale = L(set1_ps)(scale), vshift = L(set1_ps)(maximum * scale), vsum = L(setzero_ps)();
    for (i = 0; i + LANES <= width; i += LANES) {
        V e = LANES_NAME(exp)(L(fmsub_ps)(L(loadu_ps)(row + i), vscale, vshift));
        L(storeu_ps)(row + i, e);
        vsum = L(add_ps)(vsum, e);
    }
    float sum = LANES_SUM(vsum);
    for (; i < width; i++) {
        row[i] = expf((row[i] - maximum) * scale);
        sum += row[i];
    }
    V inverse = L(set1_ps)(1.0f / sum);
    for (i = 0; i + LANES <= width; i += LANES) L(storeu_ps)(row + i, L(mul_ps)(L(loadu_ps)(row + i), inverse));
    for (; i < width; i++) row[i] *= 1.0f / sum;
}

LANES_TARGET static void LANES_NAME(layer_norm_row)(float *row, size_t width, const float *gamma, const float *beta,
                                                    float epsilon) {
    size_t i = 0;
    V vsum = L(setzero_ps)();
    for (; i + LANES <= width; i += LANES) vsum = L(add_ps)(vsum, L(loadu_ps)(row + i));
    float sum = LANES_SUM(vsum);
    for (; i < width; i++) sum += row[i];
    float mean = sum / (float)width;
    V vmean = L(set1_ps)(mean), vsquares = L(setzero_ps)();
    for (i = 0; i + LANES <= width; i += LANES) {
        V centered = L(sub_ps)(L(loadu_ps)(row + i), vmean);
        vsquares = L(fmadd_ps)(centered, centered, vsquares);
    }
    float squares = LANES_SUM(vsquares);
    for (; i < width; i++) squares += (row[i] - mean) * (row[i] - mean);
    float inverse_deviation = 1.0f / sqrtf(squares / (float)width + epsilon);
    V vinverse = L(set1_ps)(inverse_deviation);
    for (i = 0; i + LANES <= width; i += LANES) {
        V normalized = L(mul_ps)(L(sub_ps)(L(loadu_ps)(row + i), vmean), vinverse);
        L(storeu_ps)(row + i, L(fmadd_ps)(normalized, L(loadu_ps)(gamma + i), L(loadu_ps)(beta + i)));
    }
    for (; i < width; i++) row[i] = (row[i] - mean) * inverse_deviation * gamma[i] + beta[i];
}

#undef LANES_TARGET
#undef LANES_NAME
#undef LANES
#undef V
#undef VI
#undef L
#undef L_SI
#undef LANES_ROUND
#undef LANES_AS_FLOAT
#undef LANES_AS_INT
#undef LANES_MAX
#undef LANES_SUM

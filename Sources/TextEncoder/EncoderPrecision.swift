import CKernels

/// The arithmetic of the encoder's dense layers. Attention, softmax, GELU and layer
/// normalization stay in float32 either way.
public enum EncoderPrecision: String, Sendable, CaseIterable {
    /// float32 products (OpenBLAS, or `CKernels` for a few rows): the reference.
    case fp32
    /// Weights quantized at load per output column, activations per row as they arrive, integer
    /// products in `CKernels` (cosine with fp32 vectors about 0.99; see docs/PERFORMANCE.md).
    case int8
}

/// Which version of the int8 kernel runs: the fastest the processor has, or one named (to
/// measure or test a version on a processor that also has a faster one).
public enum Int8Kernel: String, Sendable, CaseIterable {
    case best, vnni
    case avxVNNI = "avx-vnni"
    case avx2, portable

    /// The `CKernels` version number; one the processor lacks falls back to the best it has.
    var version: Int32 {
        let asked: Int32 =
            switch self {
            case .best: semfind_int8_best_version()
            case .vnni: Int32(SEMFIND_INT8_VNNI)
            case .avxVNNI: Int32(SEMFIND_INT8_AVX_VNNI)
            case .avx2: Int32(SEMFIND_INT8_AVX2)
            case .portable: Int32(SEMFIND_INT8_PORTABLE)
            }
        return semfind_int8_runnable_version(asked)
    }

    /// The version that runs when this one is asked for (never `.best`).
    public var resolved: Int8Kernel {
        switch version {
        case Int32(SEMFIND_INT8_VNNI): .vnni
        case Int32(SEMFIND_INT8_AVX_VNNI): .avxVNNI
        case Int32(SEMFIND_INT8_AVX2): .avx2
        default: .portable
        }
    }
}

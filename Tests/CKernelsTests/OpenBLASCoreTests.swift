import CKernels
import Testing

/// How semfind tells whether OpenBLAS chose kernels below what the processor runs, and which
/// OPENBLAS_CORETYPE it names then.
@Suite("OpenBLAS kernel choice")
struct OpenBLASCoreTests {
    @Test("OpenBLAS's core names are read into instruction-set tiers, whatever their case")
    func tiers() {
        #expect(semfind_blas_tier_of_core("Prescott") == Int32(SEMFIND_BLAS_SSE))
        #expect(semfind_blas_tier_of_core("Nehalem") == Int32(SEMFIND_BLAS_SSE))
        #expect(semfind_blas_tier_of_core("Sandybridge") == Int32(SEMFIND_BLAS_AVX))
        #expect(semfind_blas_tier_of_core("Haswell") == Int32(SEMFIND_BLAS_AVX2))
        #expect(semfind_blas_tier_of_core("ZEN") == Int32(SEMFIND_BLAS_AVX2))
        #expect(semfind_blas_tier_of_core("cooperlake") == Int32(SEMFIND_BLAS_AVX512))
        #expect(semfind_blas_tier_of_core("SkylakeX") == Int32(SEMFIND_BLAS_AVX512))
    }

    @Test("a core name semfind does not know is left alone (tier -1), as is no name")
    func unknownNames() {
        #expect(semfind_blas_tier_of_core("GraniteRapids2030") == -1)
        #expect(semfind_blas_tier_of_core(nil) == -1)
    }

    @Test("each tier from AVX up names a core of that tier; AMD gets Zen for AVX2 and nothing for AVX")
    func namedCores() throws {
        for amd: Int32 in [0, 1] {
            for tier in [SEMFIND_BLAS_AVX2, SEMFIND_BLAS_AVX512] {
                let core = try #require(semfind_blas_core_for_tier(Int32(tier), amd))
                #expect(semfind_blas_tier_of_core(core) == Int32(tier))
            }
        }
        #expect(String(cString: semfind_blas_core_for_tier(Int32(SEMFIND_BLAS_AVX2), 1)) == "Zen")
        #expect(String(cString: semfind_blas_core_for_tier(Int32(SEMFIND_BLAS_AVX2), 0)) == "Haswell")
        #expect(String(cString: semfind_blas_core_for_tier(Int32(SEMFIND_BLAS_AVX), 0)) == "Sandybridge")
        #expect(semfind_blas_core_for_tier(Int32(SEMFIND_BLAS_AVX), 1) == nil)
        #expect(semfind_blas_core_for_tier(Int32(SEMFIND_BLAS_SSE), 0) == nil)
    }
}

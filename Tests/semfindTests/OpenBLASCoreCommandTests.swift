import CKernels
import Foundation
import Testing

/// semfind runs OpenBLAS's kernels for the processor it is on, even where the installed OpenBLAS
/// is older than the processor and would fall back to SSE3 (Emerald Rapids under Debian 12's).
@Suite("OpenBLAS kernels for this processor")
struct OpenBLASCoreCommandTests {
    /// The cores OpenBLAS reports choosing as it loads (`OPENBLAS_VERBOSE=2`), in order.
    func coresChosen(coreType: String?) throws -> [String] {
        var runner = CommandRunner()
        runner.environment["OPENBLAS_VERBOSE"] = "2"
        runner.environment["OPENBLAS_CORETYPE"] = coreType
        let result = try runner.run(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stderrLines.compactMap { line in
            line.hasPrefix("Core: ") ? String(line.dropFirst("Core: ".count)) : nil
        }
    }

    @Test("without OPENBLAS_CORETYPE, the kernels that run are of the processor's own tier")
    func kernelsOfTheProcessor() throws {
        let wanted = semfind_blas_tier_of_processor()
        guard wanted >= 0 else { return }  // semfind chooses nothing beside Linux on x86-64
        let cores = try coresChosen(coreType: nil)
        let last = try #require(cores.last, "OpenBLAS printed no core at OPENBLAS_VERBOSE=2")
        #expect(semfind_blas_tier_of_core(last) >= wanted, "\(cores)")
        #expect(cores.count <= 2, "started again more than once: \(cores)")
    }

    @Test("a user's OPENBLAS_CORETYPE is kept, and semfind starts only once")
    func usersChoiceKept() throws {
        guard semfind_blas_tier_of_processor() >= SEMFIND_BLAS_AVX2 else { return }
        #expect(try coresChosen(coreType: "Haswell") == ["Haswell"])
    }
}

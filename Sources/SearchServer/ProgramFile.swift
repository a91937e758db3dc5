import Foundation
import SemfindCore

/// The program file this process was started from, to tell when it has been replaced (an
/// upgrade, a rebuild) or removed: a long-lived server then stops, so that the next search
/// starts the new program instead of being answered by the old one.
struct ProgramFile {
    private let path: String?
    private let original: FileStatus?

    init(path: String? = Bundle.main.executablePath) {
        self.path = path
        original = path.flatMap { try? FileStatus.ofTarget($0).get() }
    }

    /// Whether the file at the program's path is no longer the one this process started from.
    var isReplaced: Bool {
        guard let path, let original else { return false }
        guard case .success(let now) = FileStatus.ofTarget(path) else { return true }
        return now.identity != original.identity || now.modified != original.modified || now.size != original.size
    }
}

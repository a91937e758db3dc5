import FileWalk
import Foundation
import SemfindCore
import TestSupport
import Testing

/// The folders a user names to index: made absolute and standardized, or refused when absent.
@Suite struct RootPathTests {
    @Test func pathsBecomeAbsoluteAndStandard() throws {
        let folder = try TestScratch.folder("root-path")
        let expected = folder.standardizedFileURL.path
        #expect(try RootPath.absolute(folder.path + "/./sub/..") == expected)
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let relative = String(repeating: "../", count: working.pathComponents.count) + String(expected.dropFirst())
        #expect(try RootPath.absolute(relative) == expected)
    }

    @Test func aMissingPathIsNamedInTheError() {
        #expect { try RootPath.absolute("/no/such/semfind/folder") } throws: { error in
            (error as? SemfindError)?.message == "/no/such/semfind/folder: no such file or folder"
        }
    }
}

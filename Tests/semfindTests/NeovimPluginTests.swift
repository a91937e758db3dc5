import Foundation
import TestSupport
import Testing

/// The Neovim plugin (share/semfind/editors/nvim) against the built binary and a real index of
/// the sample corpus, through its headless test script: through a `semfind serve` job, then
/// through the command line when the server cannot start. Fails, not skips, without `nvim`:
/// CI installs it with `apt-get install neovim`.
@Suite("Neovim plugin, end to end")
struct NeovimPluginTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `name`'s path in $PATH, if it is there.
    func executable(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(":Semfind fills the quickfix list with the file that answers the query, via serve and via the CLI")
    func quickfixList() throws {
        try #require(
            executable("nvim") != nil,
            "nvim is not installed: install Neovim (apt-get install neovim) to test the editor plugin")
        let model = try InstalledModel.folder().path
        let folder = TestScratch.root.path + "/semfind-nvim-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = folder + "/index.sqlite"
        let sample = Self.packageRoot.appendingPathComponent("share/semfind/sample").path
        let indexed = try CommandRunner().run(["index", "--index", index, "--model", model, sample])
        try #require(indexed.status == 0, "\(indexed.stderr)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            Self.packageRoot.appendingPathComponent("share/semfind/editors/nvim/test/run.sh").path,
            CommandRunner.binary.path, index, "manuals/server-logs.html", "rotate the server logs",
        ]
        var environment = BuiltBinary.environment
        environment["SEMFIND_MODEL"] = model
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("ok: :Semfind found manuals/server-logs.html"), "\(printed)")
        #expect(printed.contains("rotate the server logs via serve gave"), "\(printed)")
        #expect(printed.contains("ok: the server stopped on VimLeavePre"), "\(printed)")
        #expect(printed.contains("rotate the server logs via cli gave"), "\(printed)")
    }
}

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Formats declared in a plugins file, end to end: their files are indexed through their
/// commands (before the built-in plugins), a command that hangs or prints without end fails
/// only its file, changing an entry re-reads exactly its files, and `semfind plugins`, `status`
/// and the summary say which plugin read what.
@Suite("Declared formats, end to end")
struct DeclaredFormatsTests {
    let folder = TestScratch.root.path + "/semfind-declared-\(UUID().uuidString)"
    var corpus: String { folder + "/corpus" }
    var pluginsFile: String { folder + "/plugins.toml" }

    /// `sed` turns `= Title` lines into markdown headings; `tr` shouts the .txt files, which the
    /// built-in text plugin would otherwise read; `sleep` hangs (stopped after `hangTimeout` seconds)
    /// and `yes` floods.
    static func plugins(orgVersion: String, hangTimeout: Int = 1) -> String {
        """
        [[plugin]]
        name = "org"
        extensions = ["org"]
        command = ["sed", "-e", "s/^= \\\\(.*\\\\)/# \\\\1/", "{path}"]
        output = "markdown"
        version = "\(orgVersion)"

        [[plugin]]
        name = "shout"
        extensions = ["txt"]
        command = ["tr", "a-z", "A-Z"]
        output = "text"

        [[plugin]]
        name = "hang"
        extensions = ["slow"]
        command = ["sleep", "1000"]
        output = "text"
        timeout = \(hangTimeout)

        [[plugin]]
        name = "flood"
        extensions = ["loud"]
        command = ["yes"]
        output = "text"
        max_output_mib = 1

        [[plugin]]
        name = "blob"
        extensions = ["blob"]
        command = ["tr", '\\000', " "]
        output = "text"
        binary = true
        """
    }

    func write(_ name: String, _ text: String) throws {
        let path = name.hasPrefix("/") ? name : corpus + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test(
        "declared commands index their files; a hang and a flood fail with their reasons; a new version re-reads exactly its files"
    )
    func indexThroughCommands() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try TinyBertModel()
        defer { model.remove() }
        try write("tides.org", "= Tides\n\nSpring tides reach four metres at the quay.\n")
        try write("moorings.org", "= Moorings\n\nEach buoy is inspected yearly by divers.\n")
        try write("crew.txt", "the crew ate rye loaves on sundays\n")
        try write("notes.md", "# Notes\n\nNothing about harbours.\n")
        try write("stuck.slow", "never read\n")
        try write("endless.loud", "never read either\n")
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try Data(Array("ballast manifest\n".utf8) + [0, 0, 1, 2, 0xFF, 0] + Array("keel\n".utf8))
            .write(to: URL(fileURLWithPath: corpus + "/hold.blob"))
        try write(pluginsFile, Self.plugins(orgVersion: "1"))
        let runner = CommandRunner()
        let location = ["--index", folder + "/index.sqlite"]
        let index = location + ["--model", model.folder.path]
        let indexing = ["index", "--json", "--plugins", pluginsFile] + index + [corpus]

        let started = Date()
        let first = try runner.run(indexing)
        #expect(first.status == 2, "two files failed: \(first.stderr)")
        #expect(Date().timeIntervalSince(started) < 60, "the hang is cut after its second")
        let events = messages(first.stdout)
        let failures = Dictionary(
            events.filter { $0.type == "failed" }.map {
                ((($0.data["path"] as? String ?? "") as NSString).lastPathComponent, $0.data["message"] as? String)
            }, uniquingKeysWith: { first, _ in first })
        #expect(
            failures == [
                "stuck.slow": "hang plugin: command timed out after 1 s",
                "endless.loud": "flood plugin: output passed 1 MiB",
            ])
        let summary = try #require(events.last { $0.type == "summary" }?.data)
        #expect(
            summary["indexed_by_plugin"] as? [String: Int] == ["org": 2, "shout": 1, "markdown": 1, "blob": 1],
            "a binary file too, parsed by its command in this process: \(summary)")

        let chunks = try runner.run(["status", "--list-chunks"] + location)
        #expect(chunks.stdout.contains("THE CREW ATE RYE LOAVES ON SUNDAYS"), "the declared plugin read the .txt")
        let search = try runner.run(["search", "--mode", "keyword", "--no-session", "--json"] + index + ["tides"])
        let found = try #require(messages(search.stdout).first { $0.type == "result" }?.data)
        #expect((found["path"] as? String)?.hasSuffix("tides.org") == true && found["format"] as? String == "org")
        #expect(found["heading_path"] as? [String] == ["Tides"])
        let context = try runner.run(["search", "--mode", "keyword", "--no-session", "-C", "1"] + index + ["rye"])
        #expect(
            context.stdout.contains("THE CREW ATE RYE") && !context.stdout.contains("the crew ate rye"),
            "-C shows the passage, not the file's lines: \(context.stdout)")

        let status = try runner.run(["status", "--json"] + location)
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(fields["files_by_plugin"] as? [String: Int] == ["org": 2, "shout": 1, "markdown": 1, "blob": 1])
        let human = try runner.run(["status"] + location)
        #expect(human.stdout.contains("files_by_plugin     2 org, 1 blob, 1 markdown, 1 shout"), "\(human.stdout)")

        try write(pluginsFile, Self.plugins(orgVersion: "2"))
        let second = try runner.run(indexing)
        let again = try #require(messages(second.stdout).last { $0.type == "summary" }?.data)
        #expect(again["indexed_by_plugin"] as? [String: Int] == ["org": 2], "only the org files: \(again)")
        #expect(again["unchanged"] as? Int == 3 && again["failed"] as? Int == 2, "\(again)")
    }

    @Test("semfind plugins lists declared plugins first, with their commands, then the built-in ones")
    func listing() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(pluginsFile, Self.plugins(orgVersion: "1"))
        let runner = CommandRunner()
        let json = try runner.run(["plugins", "--json", "--plugins", pluginsFile])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["plugins_file"] as? String == pluginsFile)
        let plugins = try #require(object["plugins"] as? [[String: Any]])
        let names = plugins.compactMap { $0["name"] as? String }
        #expect(names.prefix(6) == ["org", "shout", "hang", "flood", "blob", "markdown"], "declared first")
        let pdf = try #require(plugins.first { $0["name"] as? String == "pdf" })
        #expect(plugins[0]["command"] as? [String] == ["sed", "-e", "s/^= \\(.*\\)/# \\1/", "{path}"])
        #expect(plugins[0]["declared"] as? Bool == true && plugins[0]["version_string"] as? String == "1")
        #expect(plugins[2]["timeout_seconds"] as? Double == 1 && plugins[3]["max_output_bytes"] as? Int == 1 << 20)
        #expect(pdf["binary"] as? Bool == true && pdf["mime_types"] as? [String] == ["application/pdf"])
        #expect(plugins[5]["declared"] as? Bool == false && plugins[5]["command"] == nil)

        let human = try runner.run(["plugins", "--plugins", pluginsFile])
        #expect(human.stdout.hasPrefix("plugins file: \(pluginsFile) (5 declared)\n"))
        #expect(human.stdout.contains("\norg (declared, version "))
        #expect(human.stdout.contains("  command: sed -e 's/^= \\(.*\\)/# \\1/' {path}\n"), "\(human.stdout)")
        #expect(human.stdout.contains("\npdf (built-in, version "))
    }

    @Test("an invalid plugins file is one error naming its line, and semfind index refuses to run")
    func invalidFile() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write("notes.md", "# Notes\n")
        try write(
            pluginsFile, "[[plugin]]\nname = \"org\"\nextensions = [\"org\"]\ncommand = [\"cat\"]\noutput = \"pdf\"\n")
        let runner = CommandRunner()
        let expected =
            "semfind: error: \(pluginsFile):5: unknown output kind \"pdf\" (text, markdown, html or sections)\n"
        let listed = try runner.run(["plugins", "--plugins", pluginsFile])
        #expect(listed.status == 2 && listed.stderr == expected, "\(listed.stderr)")
        var environment = runner.environment
        environment["SEMFIND_PLUGINS"] = pluginsFile
        let indexPath = folder + "/index.sqlite"
        let indexed = try CommandRunner(environment: environment).run(["index", "--index", indexPath, corpus])
        #expect(indexed.status == 2 && indexed.stderr == expected, "\(indexed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: indexPath), "nothing was indexed")
    }

    @Test("Ctrl-C while a declared command hangs ends the run at once with 130 and leaves no command running")
    func interruptDuringCommand() throws {
        #if os(Linux)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let model = try TinyBertModel()
            defer { model.remove() }
            try write("stuck.slow", "never read\n")
            try write(pluginsFile, Self.plugins(orgVersion: "1", hangTimeout: 3600))
            let mark = RunMark()
            let run = try mark.startWithChild(
                ["index", "--plugins", pluginsFile, "--index", folder + "/index.sqlite", "--model", model.folder.path]
                    + [corpus], logs: folder)
            run.send(SIGINT)
            // A run that waited out the command's timeout would be killed here, and its status be 9's.
            #expect(run.wait(timeout: 60) == 130, "\(run.stderr)")
            #expect(run.stderr.contains("interrupted"), "\(run.stderr)")
            #expect(mark.processes().isEmpty, "left running: \(mark.processes())")
        #endif
    }
}

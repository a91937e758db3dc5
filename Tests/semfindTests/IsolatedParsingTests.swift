import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Binary formats parse in a child process: real faults in it (the debug build's
/// `SEMFIND_PARSE_WORKER_FAULTS` hook crashes, hangs, exhausts memory or writes garbage when a
/// PDF carries a marker) cost those files alone, each with its reason; the run indexes the
/// rest, exits 2, and leaves no worker behind; the next run without faults indexes everything.
@Suite("Parsing binary formats in a child process")
struct IsolatedParsingTests {
    let folder = TestScratch.root.path + "/semfind-isolation-\(UUID().uuidString)"
    var corpus: String { folder + "/corpus" }
    /// Put in the run's environment (its workers inherit it), to find any left running.
    let runMark = RunMark()

    func writePDF(_ name: String, _ lines: [String]) throws {
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let bytes = PDFWriter(title: name, pages: [PDFWriter.Page(lines: lines)]).bytes()
        try Data(bytes).write(to: URL(fileURLWithPath: corpus + "/" + name))
    }

    func events(_ stdout: String, _ type: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            guard let object = try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any],
                object["type"] as? String == type
            else { return nil }
            return object["data"] as? [String: Any]
        }
    }

    /// Starts `semfind index` over one PDF whose parse hangs, and waits until the run and its
    /// worker are both running.
    func startHangingRun(model: TinyBertModel, parseTimeout: Int = 30) throws -> BackgroundCommand {
        try writePDF("hang.pdf", ["This page carries semfind-fault:hang for the test."])
        var environment = BuiltBinary.environment
        environment["SEMFIND_PARSE_WORKER_FAULTS"] = "1"
        return try runMark.startWithChild(
            [
                "index", "--index", folder + "/index.sqlite", "--model", model.folder.path, "--parse-timeout",
                String(parseTimeout), corpus,
            ], logs: folder, environment: environment)
    }

    @Test("a worker busy with a hang dies with the run when the run is killed (SIGKILL)")
    func workerDiesWithItsRun() throws {
        #if os(Linux)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let model = try TinyBertModel()
            defer { model.remove() }
            let run = try startHangingRun(model: model)
            run.send(SIGKILL)
            let gone = Date().addingTimeInterval(5)
            while !runMark.processes().isEmpty, Date() < gone { usleep(20_000) }
            #expect(runMark.processes().isEmpty, "left running: \(runMark.processes())")
        #endif
    }

    @Test("Ctrl-C while a worker hangs ends the run at once, not at the parse deadline, and leaves no worker")
    func interruptDuringHang() throws {
        #if os(Linux)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let model = try TinyBertModel()
            defer { model.remove() }
            let run = try startHangingRun(model: model, parseTimeout: 3600)
            run.send(SIGINT)
            // A run that waited for the parse deadline would be killed here, and its status be 9's.
            #expect(run.wait(timeout: 60) == 130, "\(run.stderr)")
            #expect(run.stderr.contains("interrupted"), "\(run.stderr)")
            #expect(runMark.processes().isEmpty, "left running: \(runMark.processes())")
        #endif
    }

    @Test("a crash, a hang, a memory blow-up and garbage each cost one file; the run goes on")
    func faultsCostOneFileEach() throws {
        #if os(Linux)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let model = try TinyBertModel()
            defer { model.remove() }
            try writePDF("bread.pdf", ["Sourdough bread fed the survey crew every morning."])
            for fault in ["crash", "hang", "memory", "garbage"] {
                try writePDF("\(fault).pdf", ["This page carries semfind-fault:\(fault) for the test."])
            }
            try writePDF("rye.pdf", ["The crew ate rye loaves on Sundays."])
            try Data("# Notes\n\nNothing about harbours.\n".utf8).write(to: URL(fileURLWithPath: corpus + "/notes.md"))
            var runner = CommandRunner()
            runner.environment[RunMark.variable] = runMark.value
            var faulty = runner
            faulty.environment["SEMFIND_PARSE_WORKER_FAULTS"] = "1"
            let index = ["--index", folder + "/index.sqlite", "--model", model.folder.path]

            let started = Date()
            let first = try faulty.run(["index", "--json", "--parse-timeout", "10"] + index + [corpus])
            #expect(first.status == 2, "\(first.stderr)")
            #expect(Date().timeIntervalSince(started) < 60)
            let failures = Dictionary(
                events(first.stdout, "failed").map {
                    ((($0["path"] as? String ?? "") as NSString).lastPathComponent, $0["message"] as? String ?? "")
                }, uniquingKeysWith: { first, _ in first })
            #expect(
                failures == [
                    "crash.pdf": "the pdf parser crashed (SIGSEGV)",
                    "hang.pdf": "the pdf parser took longer than 10 s: stopped",
                    "memory.pdf": "the pdf parser ran out of memory (1 GiB limit)",
                    "garbage.pdf": "the pdf parser sent an unreadable reply",
                ])
            let summary = try #require(events(first.stdout, "summary").last)
            #expect(summary["indexed"] as? Int == 3 && summary["failed"] as? Int == 4, "\(summary)")
            let search = ["search", "--mode", "keyword", "--no-session", "--files-with-matches"] + index
            for (word, file) in [("sourdough", "bread.pdf"), ("rye", "rye.pdf")] {
                let found = try runner.run(search + [word])
                #expect(found.stdoutLines.map { ($0 as NSString).lastPathComponent } == [file], "\(found.stderr)")
            }
            #expect(runMark.processes().isEmpty, "parse workers left running: \(runMark.processes())")

            let second = try runner.run(["index", "--json"] + index + [corpus])
            #expect(second.status == 0, "\(second.stdout) \(second.stderr)")
            let cleanly = try #require(events(second.stdout, "summary").last)
            #expect(cleanly["indexed"] as? Int == 4 && cleanly["failed"] as? Int == 0, "\(cleanly)")
            #expect(runMark.processes().isEmpty)
        #endif
    }
}

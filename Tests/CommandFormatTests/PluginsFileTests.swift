import SemfindCore
import Testing

@testable import CommandFormat

/// The plugins file: what a valid one declares, and the one-line error, with its line, that
/// each kind of mistake gets.
@Suite("Plugins file")
struct PluginsFileTests {
    static let path = "/home/user/.config/semfind/plugins.toml"

    static func formats(_ text: String) throws -> [CommandFormat] {
        try PluginsFile.formats(text, path: path, reservedNames: ["markdown", "text"])
    }

    /// The message of the error `text` gets, or nil when it is valid.
    static func error(_ text: String) -> String? {
        do {
            _ = try formats(text)
            return nil
        } catch let error as SemfindError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    static let valid = """
        # Formats read by commands.
        [[plugin]]
        name = "org"
        extensions = [".ORG", "org_archive"]
        command = ["pandoc", "--from", "org", "--to", "markdown", "{path}"]
        output = "markdown"
        version = "pandoc 3.1"

        [[plugin]]
        name = "man-page"
        mime_types = ["Text/Troff"]
        command = ["man", "-l", "-"]
        output = "text"
        binary = true
        timeout = 2.5
        max_output_mib = 1
        """

    @Test("a valid file declares its entries in order, with defaults for what it leaves out")
    func valid() throws {
        let formats = try Self.formats(Self.valid)
        #expect(formats.map(\.name) == ["org", "man-page"])
        let org = formats[0]
        #expect(org.extensions == ["org", "org_archive"] && org.mimeTypes.isEmpty)
        #expect(org.command == ["pandoc", "--from", "org", "--to", "markdown", "{path}"])
        #expect(org.output == .markdown && org.declaredVersion == "pandoc 3.1" && !org.readsBinary)
        #expect(org.timeout == 30 && org.outputLimit == 64 << 20)
        let man = formats[1]
        #expect(man.mimeTypes == ["text/troff"] && man.extensions.isEmpty && man.readsBinary)
        #expect(man.timeout == 2.5 && man.outputLimit == 1 << 20 && man.declaredVersion == nil)
        #expect(try Self.formats("# nothing declared yet\n").isEmpty)
    }

    @Test("each mistake is one error naming the file and the line")
    func errors() {
        let cases: [(text: String, expected: String)] = [
            ("[[plugin]]\nname = \"org\n", ":2: not valid TOML: "),
            (
                "[[plugin]]\nname = \"org\"\nextensions = [\"org\"]\noutput = \"text\"\n",
                ":1: this [[plugin]] has no command"
            ),
            (Self.valid + "\ncolour = \"red\"\n", ":17: unknown key \"colour\""),
            (
                Self.valid.replacingOccurrences(of: "output = \"text\"", with: "output = \"pdf\""),
                ":13: unknown output kind \"pdf\" (text, markdown, html or sections)"
            ),
            ("verbose = true\n[[plugin]]\nname = \"x\"\n", ":1: unknown key \"verbose\""),
            (
                "[[plugin]]\nname = \"markdown\"\nextensions = [\"md\"]\ncommand = [\"cat\"]\noutput = \"text\"\n",
                ":2: the name \"markdown\" is a built-in plugin's"
            ),
            ("[[plugin]]\nname = \"Org Files\"\n", ":2: the name \"Org Files\" must start with a letter"),
            ("[[plugin]]\nname = \"x\"\ncommand = \"cat\"\n", ":3: command must be an array of strings"),
            (
                "[[plugin]]\nname = \"x\"\ncommand = [\"cat\"]\noutput = \"text\"\n",
                ":1: this [[plugin]] has no extensions or mime_types"
            ),
            (
                "[[plugin]]\nname = \"x\"\ncommand = [\"cat\"]\noutput = \"text\"\nextensions = [\"x\"]\ntimeout = 0\n",
                ":6: timeout must be a positive number"
            ),
        ]
        for (text, expected) in cases {
            let message = Self.error(text)
            #expect(message?.hasPrefix(Self.path + expected) == true, "\(message ?? "no error") for:\n\(text)")
        }
        let twice =
            Self.valid + "\n[[plugin]]\nname = \"org\"\nextensions = [\"o\"]\ncommand = [\"cat\"]\noutput = \"text\"\n"
        #expect(Self.error(twice) == Self.path + ":18: the name \"org\" is another entry's")
    }

    @Test("the version changes with the name, version string, command line and output kind, and only with them")
    func version() throws {
        let org = try #require(try Self.formats(Self.valid).first)
        func changed(_ from: String, _ to: String) throws -> Int {
            try #require(try Self.formats(Self.valid.replacingOccurrences(of: from, with: to)).first).version
        }
        #expect(try changed("pandoc 3.1", "pandoc 3.1") == org.version)
        #expect(try changed("timeout = 2.5", "timeout = 9") == org.version)
        for (from, to) in [
            ("pandoc 3.1", "pandoc 3.2"), ("\"{path}\"]", "\"-\"]"), ("\"markdown\"\nversion", "\"html\"\nversion"),
            ("name = \"org\"", "name = \"org2\""),
        ] {
            #expect(try changed(from, to) != org.version, "\(from) → \(to)")
        }
        #expect(org.version > 0 && org.version < 1 << 48)
    }
}

/// Where the plugins file is: named, else `SEMFIND_PLUGINS`, else the XDG default, which may be
/// absent.
@Suite struct PluginsFileLocationTests {
    @Test func namedThenEnvironmentThenDefault() {
        let environment = ["SEMFIND_PLUGINS": "/env/plugins.toml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"]
        #expect(PluginsFile.location(named: "/given.toml", environment: environment) == ("/given.toml", true))
        #expect(PluginsFile.location(named: nil, environment: environment) == ("/env/plugins.toml", true))
        #expect(
            PluginsFile.location(named: nil, environment: ["XDG_CONFIG_HOME": "/xdg"])
                == ("/xdg/semfind/plugins.toml", false))
        #expect(
            PluginsFile.location(named: nil, environment: ["HOME": "/home/u", "SEMFIND_PLUGINS": ""])
                == ("/home/u/.config/semfind/plugins.toml", false))
    }

    @Test func anAbsentDefaultDeclaresNothingButANamedFileMustExist() throws {
        let environment = ["XDG_CONFIG_HOME": "/no/such/semfind/config"]
        #expect(try PluginsFile.declared(named: nil, reservedNames: [], environment: environment).isEmpty)
        #expect(throws: SemfindError.self) {
            try PluginsFile.declared(named: "/no/such/plugins.toml", reservedNames: [], environment: environment)
        }
    }
}

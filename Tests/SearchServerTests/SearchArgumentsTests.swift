import SearchServer
import Testing

/// What a search process reads of its own arguments before handing them to a server.
@Suite struct SearchArgumentsTests {
    /// The search among `arguments`, as semfind's command names tell it.
    private func searched(_ arguments: [String]) -> [String]? {
        SearchArguments.of(arguments, search: "search", otherCommands: ["index", "status", "session", "serve"])
    }

    @Test("a search is told from other commands; its arguments come without the subcommand's name")
    func searchArguments() {
        #expect(searched(["semfind", "rotate logs", "-k", "3"]) == ["rotate logs", "-k", "3"])
        #expect(searched(["semfind", "search", "status"]) == ["status"])
        #expect(searched(["semfind", "--index", "i.sqlite", "q"]) == ["--index", "i.sqlite", "q"])
        for other in [
            ["semfind", "status"], ["semfind", "index", "~/notes"], ["semfind", "--help"], ["semfind", "help"],
            ["semfind"],
        ] {
            #expect(searched(other) == nil, "\(other)")
        }
    }

    @Test("--index is found in either spelling, the last one counts, and not after --")
    func indexOption() {
        #expect(SearchArguments.indexOption(["q", "--index", "a.sqlite"]) == .some("a.sqlite"))
        #expect(SearchArguments.indexOption(["--index=b.sqlite", "q"]) == .some("b.sqlite"))
        #expect(SearchArguments.indexOption(["--index", "a", "--index", "b", "q"]) == .some("b"))
        #expect(SearchArguments.indexOption(["q", "--", "--index", "x"]) == .none)
        #expect(SearchArguments.indexOption(["q", "--index"]) == .some(nil))
    }
}

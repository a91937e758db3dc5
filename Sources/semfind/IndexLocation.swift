import ArgumentParser
import Foundation
import VectorStore

/// `--index PATH`, shared by every command that reads or writes an index.
struct IndexLocation: ParsableArguments {
    @Option(name: .long, help: "Index database (default: $SEMFIND_INDEX, then ~/.local/share/semfind/index.sqlite).")
    var index: String?

    var path: String {
        let chosen = index ?? IndexStore.defaultPath()
        return URL(fileURLWithPath: chosen).standardizedFileURL.path
    }
}

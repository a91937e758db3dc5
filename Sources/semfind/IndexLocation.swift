import ArgumentParser
import Foundation
import VectorStore

/// `--index PATH`, shared by every command that reads or writes an index.
struct IndexLocation: ParsableArguments {
    @Option(name: .long, help: "Index database (default: $SEMFIND_INDEX, then ~/.local/share/semfind/index.sqlite).")
    var index: String?

    var path: String { Self.resolve(index) }

    /// The index a command uses when given `index` (nil: the default).
    static func resolve(_ index: String?) -> String {
        URL(fileURLWithPath: index ?? IndexStore.defaultPath()).standardizedFileURL.path
    }
}

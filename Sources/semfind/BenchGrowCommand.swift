import ArgumentParser
import Benchmarks
import ResultOutput
import VectorStore

extension BenchCommand {
    /// `semfind bench grow` (hidden): a large index made out of a real one (`IndexGrower`). Run
    /// it on a copy: the derived files live under a root that does not exist on disk (`--root`).
    struct Grow: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grow an index with derived chunks (real texts, real vectors plus noise) for benchmarks.",
            shouldDisplay: false)

        @OptionGroup var location: IndexLocation

        @Option(name: .long, help: "Vectors the index should hold at the end.")
        var chunks: Int

        @Option(name: .long, help: "Norm of the Gaussian noise added to each borrowed vector.")
        var noise: Float = 0.3

        @Option(name: .long, help: "Chunks per derived file.")
        var chunksPerFile = 10

        @Option(name: .long, help: "Root folder the derived files are recorded under (not created).")
        var root = "/semfind-derived"

        @Option(name: .long, help: "Seed of the choices and the noise.")
        var seed: UInt64 = 1

        func validate() throws {
            guard chunks > 0, chunksPerFile > 0, noise >= 0 else {
                throw ValidationError("--chunks and --chunks-per-file must be positive, --noise not negative")
            }
        }

        func run() throws {
            let lock = try WriterLock(indexPath: location.path, wait: false) { false }
            defer { withExtendedLifetime(lock) {} }
            let store = try IndexStore(path: location.path, create: false)
            let grower = IndexGrower(target: chunks, noise: noise, chunksPerFile: chunksPerFile, root: root, seed: seed)
            let line = try grower.grow(store, indexPath: location.path) { total, seconds in
                Console.standard.err("\(total) vectors, \(seconds) s\n")
            }
            print(line)
        }
    }
}

import FileWalk
import Foundation
import IndexStorage

extension IndexPipeline {
    /// A run whose roots another run holds (another machine indexing the same folders into one
    /// PostgreSQL index) helps that run embed: it claims waiting chunks as the other run does
    /// (`claimUnembedded`: no chunk is embedded twice), waiting a second whenever none is free,
    /// until the other run has ended (its roots are free) and nothing waits; then it ends the
    /// index's run as the writer would (`finish`). It reads no file.
    func help(
        store: any IndexBackend, started: UInt64, stop: StopRequest?, _ observe: (IndexEvent) -> Void
    ) throws -> IndexSummary {
        var summary = IndexSummary()
        let embedder = embedder(store: store, pieces: PendingPieces())
        while stop?.isRequested != true {
            // Asked before the pass, so that the pass after the writer ended embeds what it left.
            let writerEnded = try store.claimRoots(options.roots).isEmpty
            try embedWaiting(embedder, store: store, summary: &summary, stop: stop, observe)
            if writerEnded { break }
            Thread.sleep(forTimeInterval: 1)
        }
        summary.unembedded = try store.unembeddedCount()
        summary.interrupted = stop?.isRequested == true || summary.unembedded > 0
        return try finish(store: store, summary: summary, started: started)
    }
}

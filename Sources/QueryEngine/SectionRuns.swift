import Foundation
import VectorIndex

/// The sections of a vector snapshot's files: a section is a run of a file's rows, in chunk id
/// order, under the same heading path — a new one starts at each chunk the catalog lists as
/// opening a section (`IndexStore.sectionStarts`) and at each file's first chunk. A file without
/// headings, or under one heading throughout, is one section. What a section gives a row is
/// what a file gives it (`FileRuns`): its opening row and its size, for the share of the file's
/// weight taken from the section (`FileWeights`).
struct SectionRuns: Sendable {
    /// Per row: the index of its section.
    let sectionOfRow: [Int32]
    let firstRow: [Int]
    let chunkCount: [Int]
    /// Per section: the log of its chunk count, computed once.
    let logChunkCount: [Float]

    /// The sections of `snapshot`'s rows, given the chunk ids that open a section inside a file.
    init(snapshot: VectorSnapshot, starts: Set<Int64>) {
        let fileIDs = snapshot.fileIDs
        let chunkIDs = snapshot.chunkIDs
        let runs = FileRuns.runs(of: snapshot) { row, previous in
            fileIDs[row] != fileIDs[previous] || starts.contains(chunkIDs[row])
        }
        sectionOfRow = runs.runOfRow
        firstRow = runs.firstRow
        chunkCount = runs.count
        logChunkCount = runs.count.map { Float(log(Double($0))) }
    }

    func section(ofRow row: Int) -> (openingRow: Int, chunks: Int) {
        let section = Int(sectionOfRow[row])
        return (firstRow[section], chunkCount[section])
    }
}

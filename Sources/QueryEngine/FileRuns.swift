import Foundation
import VectorIndex

/// The files of a vector snapshot: rows of one file are consecutive in chunk id order (a file's
/// chunks are written in one transaction, so their ids are consecutive), so one pass in that
/// order finds, for every row, its file's first row (the file's opening chunk) and how many
/// chunks the file has.
struct FileRuns {
    /// Per row: the index of its file's run.
    let runOfRow: [Int32]
    let firstRow: [Int]
    let chunkCount: [Int]
    /// Per run: the log of its chunk count (what the length penalty scales), computed once.
    private let logChunkCount: [Float]

    /// The runs of `snapshot`'s rows; `chunkCounts` gives the chunk count of files the snapshot
    /// holds only some rows of (by file id).
    init(snapshot: VectorSnapshot, chunkCounts: [Int64: Int] = [:]) {
        let fileIDs = snapshot.fileIDs
        var runOfRow = [Int32](repeating: 0, count: fileIDs.count)
        var firstRow: [Int] = []
        var chunkCount: [Int] = []
        var previous: Int64?
        snapshot.forEachRowInChunkOrder { row in
            if fileIDs[row] != previous {
                firstRow.append(row)
                chunkCount.append(0)
                previous = fileIDs[row]
            }
            runOfRow[row] = Int32(firstRow.count - 1)
            chunkCount[chunkCount.count - 1] += 1
        }
        for (run, row) in firstRow.enumerated() {
            if let count = chunkCounts[fileIDs[row]] { chunkCount[run] = max(count, chunkCount[run]) }
        }
        self.runOfRow = runOfRow
        self.firstRow = firstRow
        self.chunkCount = chunkCount
        logChunkCount = chunkCount.map { Float(log(Double($0))) }
    }

    /// Each row's similarity adjusted for its file: plus `openingWeight` times the similarity
    /// of the file's opening chunk (what the file is about), minus `lengthPenalty` times the
    /// log of the file's chunk count (a file of many chunks has many chances at a high maximum).
    func adjusted(_ similarities: [Float], openingWeight: Float, lengthPenalty: Float) -> [Float] {
        let runCorrection = chunkCount.indices.map { run in
            correction(run: run, openingSimilarity: similarities[firstRow[run]], openingWeight, lengthPenalty)
        }
        var adjusted = similarities
        for row in adjusted.indices { adjusted[row] += runCorrection[Int(runOfRow[row])] }
        return adjusted
    }

    func file(ofRow row: Int) -> (openingRow: Int, chunks: Int) {
        let run = Int(runOfRow[row])
        return (firstRow[run], chunkCount[run])
    }

    /// `adjusted` for the rows in `rows` alone, in place: `similarities` holds one value per row
    /// of the range. `rows` must start where a file starts (`firstFileStart`), so that each
    /// file's opening chunk is among them.
    func adjust(
        _ similarities: UnsafeMutableBufferPointer<Float>, rows: Range<Int>, openingWeight: Float,
        lengthPenalty: Float
    ) {
        guard !rows.isEmpty, firstRow[Int(runOfRow[rows.lowerBound])] == rows.lowerBound else { return }
        for run in Int(runOfRow[rows.lowerBound])...Int(runOfRow[rows.upperBound - 1]) {
            let first = firstRow[run] - rows.lowerBound
            let runCorrection = correction(
                run: run, openingSimilarity: similarities[first], openingWeight, lengthPenalty)
            for offset in first..<min(first + chunkCount[run], rows.count) { similarities[offset] += runCorrection }
        }
    }

    /// The first row at or after `row` where a file starts (the row count when none does).
    func firstFileStart(atOrAfter row: Int) -> Int {
        var low = 0
        var high = firstRow.count
        while low < high {
            let middle = (low + high) / 2
            if firstRow[middle] < row { low = middle + 1 } else { high = middle }
        }
        return low < firstRow.count ? firstRow[low] : runOfRow.count
    }

    /// What a file adds to each of its rows' similarity.
    private func correction(run: Int, openingSimilarity: Float, _ openingWeight: Float, _ lengthPenalty: Float)
        -> Float
    {
        openingWeight * openingSimilarity - lengthPenalty * logChunkCount[run]
    }
}

/// Where each row's file opens and how many chunks it has: what weighing a row by its file needs.
protocol FileWeighing {
    func file(ofRow row: Int) -> (openingRow: Int, chunks: Int)
}

extension FileWeighing {
    /// One row's adjusted score (see `FileRuns.adjusted`), from a function that gives any row's
    /// similarity.
    func adjusted(row: Int, similarity: (Int) -> Float, openingWeight: Float, lengthPenalty: Float) -> Float {
        let file = file(ofRow: row)
        return similarity(row)
            + Self.correction(
                openingSimilarity: similarity(file.openingRow), chunks: file.chunks, openingWeight, lengthPenalty)
    }

    /// What a file of `chunks` chunks whose opening chunk has `openingSimilarity` adds to each
    /// of its rows' similarity.
    static func correction(openingSimilarity: Float, chunks: Int, _ openingWeight: Float, _ lengthPenalty: Float)
        -> Float
    {
        openingWeight * openingSimilarity - lengthPenalty * Float(log(Double(chunks)))
    }
}

extension FileRuns: FileWeighing {}

/// The files of a snapshot's rows, looked up one row at a time (`VectorSnapshot.file(ofRow:)`):
/// an IVF search weighs only its candidates, so it need not pass over every row first.
struct SnapshotFiles: FileWeighing {
    let snapshot: VectorSnapshot

    func file(ofRow row: Int) -> (openingRow: Int, chunks: Int) { snapshot.file(ofRow: row) }
}

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

    /// The files' sections, when the catalog's were read (`SectionRuns`).
    let sections: SectionRuns?

    /// The runs of `snapshot`'s rows; `chunkCounts` gives the chunk count of files the snapshot
    /// holds only some rows of (by file id); `sections`, the snapshot's sections (nil: unknown,
    /// each file weighs as one).
    init(snapshot: VectorSnapshot, chunkCounts: [Int64: Int] = [:], sections: SectionRuns? = nil) {
        let fileIDs = snapshot.fileIDs
        let runs = Self.runs(of: snapshot) { row, previous in fileIDs[row] != fileIDs[previous] }
        var chunkCount = runs.count
        for (run, row) in runs.firstRow.enumerated() {
            if let count = chunkCounts[fileIDs[row]] { chunkCount[run] = max(count, chunkCount[run]) }
        }
        runOfRow = runs.runOfRow
        firstRow = runs.firstRow
        self.chunkCount = chunkCount
        logChunkCount = chunkCount.map { Float(log(Double($0))) }
        self.sections = sections
    }

    /// Splits `snapshot`'s rows, taken in chunk id order, into runs: one starts at the first row
    /// and at every row for which `startsRun(row, previousRow)` holds. Per row, its run; per
    /// run, its first row and how many rows it has.
    static func runs(of snapshot: VectorSnapshot, startsRun: (Int, Int) -> Bool) -> (
        runOfRow: [Int32], firstRow: [Int], count: [Int]
    ) {
        var runOfRow = [Int32](repeating: 0, count: snapshot.count)
        var firstRow: [Int] = []
        var count: [Int] = []
        var previous = -1
        snapshot.forEachRowInChunkOrder { row in
            if previous < 0 || startsRun(row, previous) {
                firstRow.append(row)
                count.append(0)
            }
            previous = row
            runOfRow[row] = Int32(firstRow.count - 1)
            count[count.count - 1] += 1
        }
        return (runOfRow, firstRow, count)
    }

    /// Each row's similarity adjusted for its file (`FileWeights`): plus a share of the
    /// similarity of the file's opening chunk (what the file is about), minus a penalty per log
    /// of the file's chunk count (a file of many chunks has many chances at a high maximum); each
    /// in part from the row's section when `weights` say so and the sections are known.
    func adjusted(_ similarities: [Float], weights: FileWeights) -> [Float] {
        var adjusted = similarities
        guard let sections, weights.weighsSections else {
            let runCorrection = chunkCount.indices.map { run in
                weights.correction(file: (similarities[firstRow[run]], logChunkCount[run]))
            }
            for row in adjusted.indices { adjusted[row] += runCorrection[Int(runOfRow[row])] }
            return adjusted
        }
        for row in adjusted.indices {
            let run = Int(runOfRow[row])
            let section = Int(sections.sectionOfRow[row])
            adjusted[row] += weights.correction(
                file: (similarities[firstRow[run]], logChunkCount[run]),
                section: (similarities[sections.firstRow[section]], sections.logChunkCount[section]))
        }
        return adjusted
    }

    func file(ofRow row: Int) -> (openingRow: Int, chunks: Int) {
        let run = Int(runOfRow[row])
        return (firstRow[run], chunkCount[run])
    }

    func section(ofRow row: Int) -> (openingRow: Int, chunks: Int)? {
        sections?.section(ofRow: row)
    }

    /// `adjusted` for the rows in `rows` alone, in place: `similarities` holds one value per row
    /// of the range. `rows` must start where a file starts (`firstFileStart`), so that each
    /// file's opening chunk (and each section's) is among them.
    func adjust(_ similarities: UnsafeMutableBufferPointer<Float>, rows: Range<Int>, weights: FileWeights) {
        guard !rows.isEmpty, firstRow[Int(runOfRow[rows.lowerBound])] == rows.lowerBound else { return }
        let base = rows.lowerBound
        let runs = Int(runOfRow[base])...Int(runOfRow[rows.upperBound - 1])
        guard let sections, weights.weighsSections else {
            for run in runs {
                let first = firstRow[run] - base
                let correction = weights.correction(file: (similarities[first], logChunkCount[run]))
                for offset in first..<min(first + chunkCount[run], rows.count) { similarities[offset] += correction }
            }
            return
        }
        for run in runs {
            let first = firstRow[run] - base
            let file = (opening: similarities[first], log: logChunkCount[run])
            // Last row first: a row's section opens at or before it, so its opening is read
            // before it is adjusted.
            for offset in (first..<min(first + chunkCount[run], rows.count)).reversed() {
                let section = Int(sections.sectionOfRow[base + offset])
                similarities[offset] += weights.correction(
                    file: file,
                    section: (similarities[sections.firstRow[section] - base], sections.logChunkCount[section]))
            }
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
}

/// Where each row's file opens and how many chunks it has, and the same of its section when
/// sections are known: what weighing a row by its file needs.
protocol FileWeighing {
    func file(ofRow row: Int) -> (openingRow: Int, chunks: Int)
    /// The row's section (nil when sections are unknown: the file weighs as one section).
    func section(ofRow row: Int) -> (openingRow: Int, chunks: Int)?
}

extension FileWeighing {
    /// One row's adjusted score (see `FileRuns.adjusted`), from a function that gives any row's
    /// similarity.
    func adjusted(row: Int, similarity: (Int) -> Float, weights: FileWeights) -> Float {
        func part(_ run: (openingRow: Int, chunks: Int)) -> FileWeights.Part {
            (similarity(run.openingRow), Float(log(Double(run.chunks))))
        }
        var section: FileWeights.Part?
        if weights.weighsSections, let run = self.section(ofRow: row) { section = part(run) }
        return similarity(row) + weights.correction(file: part(file(ofRow: row)), section: section)
    }
}

extension FileRuns: FileWeighing {}

/// The files of a snapshot's rows, looked up one row at a time (`VectorSnapshot.file(ofRow:)`):
/// an IVF search weighs only its candidates, so it need not pass over every row first. Its
/// sections, when known, are read once per snapshot (`SectionRuns`).
struct SnapshotFiles: FileWeighing {
    let snapshot: VectorSnapshot
    var sections: SectionRuns? = nil

    func file(ofRow row: Int) -> (openingRow: Int, chunks: Int) { snapshot.file(ofRow: row) }

    func section(ofRow row: Int) -> (openingRow: Int, chunks: Int)? { sections?.section(ofRow: row) }
}

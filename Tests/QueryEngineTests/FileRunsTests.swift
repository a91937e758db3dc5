import Foundation
import Testing
import VectorIndex

@testable import QueryEngine

@Suite struct FileRunsTests {
    /// A flat snapshot of one-dimensional rows, chunk ids 1, 2, … in row order, of these files.
    func snapshot(files fileIDs: [Int64]) throws -> VectorSnapshot {
        try VectorSnapshot.build(count: fileIDs.count, dimension: 1, generation: 0) { chunkIDs, files, matrix in
            for row in fileIDs.indices {
                chunkIDs[row] = Int64(row + 1)
                files[row] = fileIDs[row]
                matrix[row] = 1
            }
            return fileIDs.count
        }
    }

    @Test("rows of a file get its opening chunk's similarity and a penalty for its length")
    func adjusted() throws {
        let snapshot = try snapshot(files: [7, 7, 7, 9])
        let runs = FileRuns(snapshot: snapshot)
        #expect(runs.firstRow == [0, 3])
        #expect(runs.chunkCount == [3, 1])
        let scores = runs.adjusted([0.2, 0.8, 0.1, 0.6], weights: FileWeights(opening: 0.5, length: 0.1))
        let penalty = Float(0.1 * log(3.0))
        #expect(abs(scores[1] - (0.8 + 0.1 - penalty)) < 1e-6)
        #expect(abs(scores[3] - (0.6 + 0.3)) < 1e-6)
    }

    @Test("rows ordered by IVF list still find their file's opening chunk and size, through chunk id order")
    func listOrder() throws {
        // Chunks 1-3 belong to file 7, chunk 4 to file 9; list 0 holds chunks 2 and 4, list 1 chunks 1 and 3.
        let rows: [(chunk: Int64, file: Int64)] = [(2, 7), (4, 9), (1, 7), (3, 7)]
        let snapshot = try VectorSnapshot.build(
            count: 4, dimension: 1, generation: 0,
            lists: VectorSnapshot.ListLayout(starts: [0, 2, 4], centroids: [1, 1])
        ) { chunkIDs, fileIDs, matrix in
            for (row, ids) in rows.enumerated() {
                chunkIDs[row] = ids.chunk
                fileIDs[row] = ids.file
                matrix[row] = 1
            }
            return 4
        }
        let runs = FileRuns(snapshot: snapshot)
        #expect(runs.firstRow == [2, 1], "chunk 1 (row 2) opens file 7, chunk 4 (row 1) file 9")
        #expect(runs.chunkCount == [3, 1])
        #expect(runs.runOfRow == [0, 1, 0, 0])
        #expect(snapshot.row(of: 3) == 3 && snapshot.row(of: 4) == 1 && snapshot.row(of: 5) == nil)
        for row in 0..<4 {
            let looked = SnapshotFiles(snapshot: snapshot).file(ofRow: row)
            let passed = runs.file(ofRow: row)
            #expect(looked.openingRow == passed.openingRow && looked.chunks == passed.chunks, "row \(row)")
        }
        let partial = FileRuns(snapshot: snapshot, chunkCounts: [9: 12])
        #expect(partial.chunkCount == [3, 12], "a file only partly read counts all its chunks")
    }

    @Test("with sections weighed, a row takes its section's opening and size in the shares the weights give")
    func sections() throws {
        // File 7: chunks 1-2 under one heading, chunks 3-5 under another; file 9: chunk 6.
        let snapshot = try snapshot(files: [7, 7, 7, 7, 7, 9])
        let sections = SectionRuns(snapshot: snapshot, starts: [3])
        #expect(sections.firstRow == [0, 2, 5])
        #expect(sections.chunkCount == [2, 3, 1])
        let runs = FileRuns(snapshot: snapshot, sections: sections)
        let similarities: [Float] = [0.1, 0.2, 0.9, 0.3, 0.4, 0.5]
        let wholeFiles = runs.adjusted(similarities, weights: FileWeights(opening: 0.5, length: 0.1))
        let asFiles = runs.adjusted(
            similarities, weights: FileWeights(opening: 0.5, length: 0.1, sectionOpening: 1, sectionLength: 1))
        let halfway = runs.adjusted(
            similarities, weights: FileWeights(opening: 0.5, length: 0.1, sectionOpening: 0.5, sectionLength: 0.5))
        let penalty = { (chunks: Double) in Float(0.1 * log(chunks)) }
        #expect(abs(wholeFiles[3] - (0.3 + 0.5 * 0.1 - penalty(5))) < 1e-6, "sections unweighed: the file")
        #expect(abs(asFiles[3] - (0.3 + 0.5 * 0.9 - penalty(3))) < 1e-6, "its section's opening and size")
        #expect(abs(asFiles[1] - (0.2 + 0.5 * 0.1 - penalty(2))) < 1e-6, "the first section opens with the file")
        #expect(abs(halfway[3] - (0.3 + 0.5 * 0.5 * (0.1 + 0.9) - (penalty(5) + penalty(3)) / 2)) < 1e-6)
        #expect(abs(asFiles[5] - wholeFiles[5]) < 1e-6, "a file of one section weighs as before")
        for row in 0..<6 {
            let weights = FileWeights(opening: 0.5, length: 0.1, sectionOpening: 0.5, sectionLength: 0.5)
            let one = runs.adjusted(row: row, similarity: { similarities[$0] }, weights: weights)
            #expect(abs(one - halfway[row]) < 1e-6, "row \(row) weighed alone")
            var buffer = similarities
            buffer.withUnsafeMutableBufferPointer { runs.adjust($0, rows: 0..<6, weights: weights) }
            #expect(abs(buffer[row] - halfway[row]) < 1e-6, "row \(row) weighed in place")
        }
    }
}

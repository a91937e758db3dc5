import Foundation

/// How a row's file weighs on its similarity: plus `opening` times the similarity of the file's
/// opening chunk (what the file is about), minus `length` times the log of its chunk count (a
/// file of many chunks has many chances at a high maximum). Each part can be taken, in a share,
/// from the row's section instead (`SectionRuns`: the run of the file's chunks under the same
/// headings), so that the sections of a long page weigh as short files do.
struct FileWeights: Sendable {
    var opening: Float
    var length: Float
    /// The share of the opening's weight given to the section's opening chunk, not the file's.
    var sectionOpening: Float = 0
    /// The share of the length penalty counted over the section's chunks, not the file's.
    var sectionLength: Float = 0

    /// The weights `policy` names; `opening` overrides its opening weight (faded for a long file).
    init(_ policy: QueryPolicy, opening: Float? = nil) {
        self.opening = opening ?? policy.openingWeight
        length = policy.lengthPenalty
        sectionOpening = policy.sectionOpening
        sectionLength = policy.sectionLength
    }

    init(opening: Float, length: Float, sectionOpening: Float = 0, sectionLength: Float = 0) {
        self.opening = opening
        self.length = length
        self.sectionOpening = sectionOpening
        self.sectionLength = sectionLength
    }

    /// Whether any part is taken from sections (otherwise a row's section is never looked up).
    var weighsSections: Bool { sectionOpening > 0 || sectionLength > 0 }

    /// A file's or a section's part in weighing a row: the similarity of its opening chunk and
    /// the log of its chunk count.
    typealias Part = (opening: Float, log: Float)

    /// What a row's file, and its section when given, add to its similarity.
    func correction(file: Part, section: Part? = nil) -> Float {
        guard let section, weighsSections else { return opening * file.opening - length * file.log }
        let openingSimilarity = (1 - sectionOpening) * file.opening + sectionOpening * section.opening
        return opening * openingSimilarity - length * ((1 - sectionLength) * file.log + sectionLength * section.log)
    }
}

import Foundation
import SemfindCore

/// BERT's tokenizer, and MPNet's (the same with other special tokens): literal special tokens,
/// `BertNormalizer`, then greedy longest-match-first WordPiece over a fixed vocabulary, framed by
/// the opening and closing tokens (`[CLS]` … `[SEP]`, `<s>` … `</s>`) and truncated to the
/// model's maximum length. Matches Hugging Face's fast BertTokenizer and MPNetTokenizer id for id.
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: Vocabulary
    public let normalizer: BertNormalizer
    public let maxInputCharsPerWord: Int
    public let continuingPrefix: String
    private let continuingPrefixBytes: [UInt8]
    public let unknownId: Int32
    public let clsId: Int32
    public let sepId: Int32
    public let padId: Int32
    /// Special tokens matched literally (case-sensitively) in raw text, longest first.
    let specialTokens: [(text: String, id: Int32)]
    /// The first byte of each special token: text without any holds none.
    private let specialTokenStarts: Set<UInt8>

    /// `frame` names the opening, closing, unknown and padding tokens.
    public init(
        vocabulary: Vocabulary, normalizer: BertNormalizer = BertNormalizer(), maxInputCharsPerWord: Int = 100,
        continuingPrefix: String = "##", specialTokens: [String] = FrameTokens().all,
        frame: FrameTokens = FrameTokens()
    ) throws {
        func id(_ token: String) throws -> Int32 {
            guard let id = vocabulary[token] else {
                throw SemfindError(.invalidModel, "the tokenizer vocabulary has no \(token) token")
            }
            return id
        }
        self.vocabulary = vocabulary
        self.normalizer = normalizer
        self.maxInputCharsPerWord = maxInputCharsPerWord
        self.continuingPrefix = continuingPrefix
        continuingPrefixBytes = Array(continuingPrefix.utf8)
        unknownId = try id(frame.unknown)
        clsId = try id(frame.open)
        sepId = try id(frame.close)
        padId = vocabulary[frame.padding] ?? 0
        self.specialTokens = specialTokens.compactMap { token in vocabulary[token].map { (token, $0) } }
            .sorted { $0.text.count > $1.text.count }
        specialTokenStarts = Set(self.specialTokens.compactMap { $0.text.utf8.first })
    }

    /// The word-piece ids of `text` without the opening and closing tokens and without truncation.
    public func pieces(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        var rest = text[...]
        while let (range, id) = firstSpecialToken(in: rest) {
            appendPieces(of: rest[..<range.lowerBound], to: &ids)
            ids.append(id)
            rest = rest[range.upperBound...]
        }
        appendPieces(of: rest, to: &ids)
        return ids
    }

    /// The opening token + pieces + the closing token, the pieces cut so that the whole fits in
    /// `maxLength` ids.
    public func encode(_ text: String, maxLength: Int) -> [Int32] {
        framed(pieces(text), maxLength: maxLength)
    }

    /// `body` (a text's `pieces`) between the opening and closing tokens, cut so that the whole
    /// fits in `maxLength` ids: what `encode` makes of the text.
    public func framed(_ body: [Int32], maxLength: Int) -> [Int32] {
        let kept = max(0, min(body.count, maxLength - 2))
        var ids: [Int32] = [clsId]
        ids.reserveCapacity(kept + 2)
        ids.append(contentsOf: body.prefix(kept))
        ids.append(sepId)
        return ids
    }

    private func firstSpecialToken(in text: Substring) -> (Range<Substring.Index>, Int32)? {
        guard text.utf8.contains(where: specialTokenStarts.contains) else { return nil }
        var best: (Range<Substring.Index>, Int32)?
        for (token, id) in specialTokens {
            guard let range = text.range(of: token) else { continue }
            if let current = best, current.0.lowerBound <= range.lowerBound { continue }
            best = (range, id)
        }
        return best
    }

    private func appendPieces(of text: Substring, to ids: inout [Int32]) {
        guard !text.isEmpty else { return }
        for word in normalizer.words(text) {
            appendWordPieces(word, to: &ids)
        }
    }

    /// Greedy longest-match-first; a word with any unmatched remainder, or longer than
    /// `maxInputCharsPerWord`, becomes a single `[UNK]`. Candidates are looked up as UTF-8
    /// bytes: the word's own, or the continuing prefix followed by a slice of them.
    private func appendWordPieces(_ word: [Unicode.Scalar], to ids: inout [Int32]) {
        if word.count > maxInputCharsPerWord {
            ids.append(unknownId)
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * word.count)
        var offsets: [Int] = []  // where each scalar starts in `bytes`, then the end
        offsets.reserveCapacity(word.count + 1)
        for scalar in word {
            offsets.append(bytes.count)
            UTF8.encode(scalar) { bytes.append($0) }
        }
        offsets.append(bytes.count)
        if let id = bytes.withUnsafeBufferPointer({ vocabulary.id(of: $0) }) {
            ids.append(id)
            return
        }
        let firstNew = ids.count
        var candidate: [UInt8] = []
        candidate.reserveCapacity(continuingPrefixBytes.count + bytes.count)
        var start = 0
        while start < word.count {
            var end = word.count
            var match: Int32?
            while end > start {
                candidate.removeAll(keepingCapacity: true)
                if start > 0 { candidate.append(contentsOf: continuingPrefixBytes) }
                candidate.append(contentsOf: bytes[offsets[start]..<offsets[end]])
                if let id = candidate.withUnsafeBufferPointer({ vocabulary.id(of: $0) }) {
                    match = id
                    break
                }
                end -= 1
            }
            guard let match else {
                ids.removeSubrange(firstNew...)
                ids.append(unknownId)
                return
            }
            ids.append(match)
            start = end
        }
    }
}

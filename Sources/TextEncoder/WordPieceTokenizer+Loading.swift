import Foundation
import SemfindCore

extension WordPieceTokenizer {
    /// Loads the tokenizer of a model folder: `tokenizer.json` when present (vocabulary,
    /// normalizer flags, special tokens), else `vocab.txt` with `tokenizer_config.json`; the
    /// framing tokens from `tokenizer_config.json` either way.
    public static func load(folder: URL) throws -> WordPieceTokenizer {
        let jsonURL = folder.appendingPathComponent("tokenizer.json")
        let frame = FrameTokens.load(folder: folder)
        if FileManager.default.fileExists(atPath: jsonURL.path) {
            return try load(tokenizerJSON: jsonURL, frame: frame)
        }
        let vocabURL = folder.appendingPathComponent("vocab.txt")
        guard let text = try? String(contentsOf: vocabURL, encoding: .utf8) else {
            throw SemfindError(.modelNotFound, "\(folder.path) has neither tokenizer.json nor a readable vocab.txt")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var vocabulary = Vocabulary.Builder(capacity: lines.count)
        for (index, line) in lines.enumerated() {
            vocabulary.add(line.hasSuffix("\r") ? String(line.dropLast()) : String(line), id: Int32(index))
        }
        var lowercase = true
        if let data = try? Data(contentsOf: folder.appendingPathComponent("tokenizer_config.json")),
            let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            lowercase = config["do_lower_case"] as? Bool ?? true
        }
        return try WordPieceTokenizer(
            vocabulary: vocabulary.build(), normalizer: BertNormalizer(lowercase: lowercase), specialTokens: frame.all,
            frame: frame)
    }

    /// Reads `tokenizer.json`: the vocabulary with `VocabularyScanner` (fast), the settings with
    /// a JSON parser; the whole file with the parser when the scanner cannot read it.
    static func load(tokenizerJSON url: URL, frame: FrameTokens) throws -> WordPieceTokenizer {
        guard let data = try? Data(contentsOf: url) else {
            throw SemfindError(.invalidModel, "\(url.path) is not a readable tokenizer.json")
        }
        let scanned = VocabularyScanner.scan([UInt8](data))
        guard
            let root = try? JSONSerialization.jsonObject(with: scanned.map { Data($0.remainder) } ?? data)
                as? [String: Any]
        else {
            throw SemfindError(.invalidModel, "\(url.path) is not a readable tokenizer.json")
        }
        guard let model = root["model"] as? [String: Any], model["type"] as? String == "WordPiece",
            let rawVocabulary = model["vocab"] as? [String: Any]
        else {
            throw SemfindError(.unsupportedModel, "\(url.path): only WordPiece tokenizers are supported")
        }
        var vocabulary = scanned?.vocabulary
        if vocabulary == nil {
            var builder = Vocabulary.Builder(capacity: rawVocabulary.count)
            for (token, value) in rawVocabulary {
                guard let id = (value as? NSNumber)?.int32Value else {
                    throw SemfindError(.invalidModel, "\(url.path): vocabulary entry '\(token)' has no integer id")
                }
                builder.add(token, id: id)
            }
            vocabulary = builder.build()
        }
        var normalizer = BertNormalizer()
        if let settings = root["normalizer"] as? [String: Any] {
            guard settings["type"] as? String == "BertNormalizer" else {
                throw SemfindError(.unsupportedModel, "\(url.path): only the BertNormalizer is supported")
            }
            let lowercase = settings["lowercase"] as? Bool ?? true
            normalizer = BertNormalizer(
                lowercase: lowercase, stripAccents: settings["strip_accents"] as? Bool,
                splitChineseCharacters: settings["handle_chinese_chars"] as? Bool ?? true,
                cleanText: settings["clean_text"] as? Bool ?? true)
        }
        let added = (root["added_tokens"] as? [[String: Any]] ?? []).filter { $0["special"] as? Bool == true }
        let specials = added.compactMap { $0["content"] as? String }
        return try WordPieceTokenizer(
            vocabulary: vocabulary ?? Vocabulary([:]), normalizer: normalizer,
            maxInputCharsPerWord: model["max_input_chars_per_word"] as? Int ?? 100,
            continuingPrefix: model["continuing_subword_prefix"] as? String ?? "##",
            specialTokens: specials.isEmpty ? frame.all : specials, frame: frame)
    }
}

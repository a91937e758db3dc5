import Foundation

/// The tokens a tokenizer frames and fills with: BERT's `[CLS]`, `[SEP]`, `[UNK]`, `[PAD]`,
/// `[MASK]`, or what a folder's `tokenizer_config.json` names instead (MPNet: `<s>`, `</s>`,
/// `[UNK]`, `<pad>`, `<mask>`).
public struct FrameTokens: Sendable, Equatable {
    public var open = "[CLS]"
    public var close = "[SEP]"
    public var unknown = "[UNK]"
    public var padding = "[PAD]"
    public var mask = "[MASK]"

    /// All five, as the special tokens matched literally in text when no `tokenizer.json` lists them.
    public var all: [String] { [padding, unknown, open, close, mask] }

    public init() {}

    /// The tokens `tokenizer_config.json` in `folder` names (`cls_token`, `sep_token`,
    /// `unk_token`, `pad_token`, `mask_token`, each a string or an object with `content`); BERT's for any it
    /// does not name, or when the file is missing.
    static func load(folder: URL) -> FrameTokens {
        var tokens = FrameTokens()
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("tokenizer_config.json")),
            let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return tokens }
        func named(_ key: String) -> String? {
            config[key] as? String ?? (config[key] as? [String: Any])?["content"] as? String
        }
        tokens.open = named("cls_token") ?? tokens.open
        tokens.close = named("sep_token") ?? tokens.close
        tokens.unknown = named("unk_token") ?? tokens.unknown
        tokens.padding = named("pad_token") ?? tokens.padding
        tokens.mask = named("mask_token") ?? tokens.mask
        return tokens
    }
}

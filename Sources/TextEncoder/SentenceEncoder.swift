import CBLAS
import CKernels
import Dispatch
import Foundation
import SemfindCore

/// A sentence-transformers model run natively: tokenizer, BERT or MPNet, pooling and normalization,
/// loaded from a model folder. The one encoder that indexing and queries share.
public final class SentenceEncoder: Sendable {
    /// The version of this encoder's arithmetic; part of the fingerprint, so that an index
    /// built by an encoder that computes differently is rebuilt rather than mixed.
    public static let implementationVersion = "semfind-encoder-1"

    public let folder: URL
    public let config: BertConfig
    public let tokenizer: WordPieceTokenizer
    public let pooling: PoolingConfig
    /// What is put before queries and passages before they are tokenized.
    public let prompts: EncoderPrompts
    /// The passage prompt's word pieces, put before a passage's known pieces
    /// (`sequence(pieces:)`); nil when the prompt does not end in white space.
    private let passagePromptPieces: [Int32]?
    /// The most ids (with the opening and closing tokens) one text is cut to.
    public let maxLength: Int
    /// Texts per forward pass unless a caller says otherwise. 16, not 32: the int8 encoder embeds
    /// 7–18% more short texts a second in batches of 16 (its activations stay in cache), as many
    /// long ones, and float32 within 4% (docs/PERFORMANCE.md, "Batches of 16").
    public static let defaultBatchSize = 16

    /// Worker threads used by `encode` when there are several batches.
    public let threads: Int
    /// The dense layers' arithmetic.
    public let precision: EncoderPrecision
    let model: BertModel
    let weights: SafetensorsFile
    /// Shares one batch's products across cores when there is only one batch.
    private let team: WorkerTeam

    public var name: String { folder.lastPathComponent }
    public var dimension: Int { config.hiddenSize }

    /// Loads the model in `folder` (a sentence-transformers folder or a plain BERT or MPNet checkpoint);
    /// in int8 `precision`, quantizes its dense layers for `int8Kernel`. `prompts` replaces the
    /// folder's own (`config_sentence_transformers.json`).
    public init(
        folder: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount, precision: EncoderPrecision = .fp32,
        int8Kernel: Int8Kernel = .best, prompts: EncoderPrompts? = nil
    ) throws {
        self.folder = folder
        self.precision = precision
        let weightsPath = folder.appendingPathComponent("model.safetensors").path
        guard FileManager.default.fileExists(atPath: weightsPath) else {
            throw SemfindError(
                .modelNotFound,
                "\(folder.path) has no model.safetensors; install it with semfind model install NAME, or point --model at a model folder"
            )
        }
        config = try BertConfig.load(from: folder.appendingPathComponent("config.json"))
        tokenizer = try WordPieceTokenizer.load(folder: folder)
        pooling = try PoolingConfig.load(folder: folder)
        self.prompts = try prompts ?? EncoderPrompts.load(folder: folder)
        let passagePrompt = self.prompts.prefix(for: .passage)
        passagePromptPieces = passagePrompt.last?.isWhitespace ?? true ? tokenizer.pieces(passagePrompt) : nil
        weights = try SafetensorsFile(path: weightsPath)
        model = try BertModel(config: config, weights: weights, precision: precision, int8Kernel: int8Kernel)
        let positions = config.maxPositionEmbeddings - BertEmbeddings.positionOffset(model.family)
        maxLength = min(Self.configuredMaxLength(folder: folder) ?? positions, positions)
        self.threads = max(1, threads)
        team = WorkerTeam(size: self.threads)
        if let largest = tokenizer.vocabulary.largestID, Int(largest) >= config.vocabSize {
            throw SemfindError(
                .invalidModel,
                "\(folder.path): the tokenizer has id \(largest), beyond the model's vocab_size \(config.vocabSize)")
        }
    }

    private static func configuredMaxLength(folder: URL) -> Int? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("sentence_bert_config.json")),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["max_seq_length"] as? Int
    }

    /// The ids the model sees for `text` read as `role` (its prompt first): `[CLS]` … `[SEP]`
    /// (MPNet: `<s>` … `</s>`), at most `maxLength`.
    public func tokenize(_ text: String, as role: TextRole = .passage) -> [Int32] {
        tokenizer.encode(prompts.prefix(for: role) + text, maxLength: maxLength)
    }

    /// The ids the model sees for a passage whose word pieces (`tokenizer.pieces` of its text)
    /// are already known: `tokenize(text, as: .passage)`'s result without tokenizing the text
    /// again. Nil when the passage prompt does not end in white space: its last word and the
    /// text's first would then be one word, and only tokenizing the two together says how.
    public func sequence(pieces: [Int32]) -> [Int32]? {
        passagePromptPieces.map { tokenizer.framed($0 + pieces, maxLength: maxLength) }
    }

    /// One vector per text, each read as `role`, in input order. Texts are sorted by length into
    /// batches of at most `batchSize` (smaller toward the end: `BatchPlan`), and the batches,
    /// longest first, go to whichever of `threads` workers is free.
    public func encode(
        _ texts: [String], as role: TextRole = .passage, batchSize: Int = SentenceEncoder.defaultBatchSize
    ) -> [[Float]] {
        encode(tokenized: tokenizeAll(texts, as: role), batchSize: batchSize)
    }

    /// Tokenizes `texts`, each read as `role`, on all workers.
    public func tokenizeAll(_ texts: [String], as role: TextRole = .passage) -> [[Int32]] {
        var result = [[Int32]](repeating: [], count: texts.count)
        let workers = texts.count >= 64 ? threads : 1
        result.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let slots = DisjointWrites(base)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: texts.count, by: workers) {
                    slots.pointer[index] = tokenize(texts[index], as: role)
                }
            }
        }
        return result
    }

    /// One vector per id sequence, in input order (see `encode(_:batchSize:)`).
    public func encode(tokenized sequences: [[Int32]], batchSize: Int = SentenceEncoder.defaultBatchSize) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        let batches = BatchPlan.batches(lengths: sequences.map(\.count), size: batchSize, workers: threads)
        let width = dimension
        var flat = [Float](repeating: 0, count: sequences.count * width)
        flat.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let output = DisjointWrites(base)
            semfind_blas_lock()
            defer { semfind_blas_unlock() }
            let workers = min(threads, batches.count)
            // Several batches: one batch per worker, each multiplying on its own core.
            // One batch: all cores inside each matrix product.
            // Set only on a change: setting a count restarts a stopped thread pool.
            let blasThreads = Int32(workers > 1 ? 1 : threads)
            if openblas_get_num_threads() != blasThreads { openblas_set_num_threads(blasThreads) }
            let cursor = BatchCursor(count: batches.count)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let batchIndex = cursor.take() {
                    let members = batches[batchIndex]
                    let batch = PackedBatch(members.map { sequences[$0] })
                    model.forward(batch, team: workers > 1 ? nil : team) { hidden in
                        pooling.pool(hidden, batch: batch, width: width) { output.pointer + members[$0] * width }
                    }
                }
            }
        }
        return (0..<sequences.count).map { Array(flat[($0 * width)..<(($0 + 1) * width)]) }
    }
}

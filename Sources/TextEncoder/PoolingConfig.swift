import Foundation
import SemfindCore

/// How token vectors become one sentence vector: the pooling mode from `1_Pooling/config.json`
/// and whether `modules.json` ends with a `Normalize` module.
public struct PoolingConfig: Sendable, Equatable {
    public enum Mode: String, Sendable {
        case mean, cls, max
    }

    public var mode: Mode
    public var normalize: Bool

    public init(mode: Mode = .mean, normalize: Bool = true) {
        self.mode = mode
        self.normalize = normalize
    }

    /// Reads the sentence-transformers module list of `folder`. A folder without `modules.json`
    /// is read as a plain BERT checkpoint: mean pooling, normalized.
    public static func load(folder: URL) throws -> PoolingConfig {
        let modulesURL = folder.appendingPathComponent("modules.json")
        guard let modulesData = try? Data(contentsOf: modulesURL) else { return PoolingConfig() }
        guard let modules = try? JSONSerialization.jsonObject(with: modulesData) as? [[String: Any]] else {
            throw SemfindError(.invalidModel, "\(modulesURL.path) is not a JSON list of modules")
        }
        let types = modules.compactMap { $0["type"] as? String }
        let normalize = types.contains { $0.hasSuffix(".Normalize") }
        guard let pooling = modules.first(where: { ($0["type"] as? String)?.hasSuffix(".Pooling") == true }) else {
            return PoolingConfig(mode: .mean, normalize: normalize)
        }
        let poolingFolder = folder.appendingPathComponent(pooling["path"] as? String ?? "1_Pooling")
        let configURL = poolingFolder.appendingPathComponent("config.json")
        guard let data = try? Data(contentsOf: configURL),
            let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw SemfindError(.invalidModel, "cannot read pooling config \(configURL.path)")
        }
        let flag = { (key: String) in (config[key] as? Bool) ?? false }
        let modes: [(String, Mode)] = [
            ("pooling_mode_mean_tokens", .mean), ("pooling_mode_cls_token", .cls), ("pooling_mode_max_tokens", .max),
        ]
        let chosen = modes.filter { flag($0.0) }
        guard chosen.count == 1, !flag("pooling_mode_mean_sqrt_len_tokens") else {
            throw SemfindError(
                .unsupportedModel, "\(configURL.path): only one of mean, CLS or max pooling is supported")
        }
        return PoolingConfig(mode: chosen[0].1, normalize: normalize)
    }
}

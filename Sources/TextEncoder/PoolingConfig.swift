import Foundation
import SemfindCore

/// How token vectors become one sentence vector: the pooling mode from `1_Pooling/config.json`
/// and whether `modules.json` lists a `Normalize` module.
public struct PoolingConfig: Sendable, Equatable {
    /// The pooling modes semfind runs, named as the fingerprint records them.
    public enum Mode: String, Sendable, CaseIterable {
        case mean, cls, max
        /// The sum of the token vectors divided by the square root of their count.
        case meanSqrtLen = "mean_sqrt_len"

        /// The flag of `1_Pooling/config.json` that chooses this mode.
        var configKey: String {
            switch self {
            case .mean: "pooling_mode_mean_tokens"
            case .cls: "pooling_mode_cls_token"
            case .max: "pooling_mode_max_tokens"
            case .meanSqrtLen: "pooling_mode_mean_sqrt_len_tokens"
            }
        }
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
        return PoolingConfig(mode: try mode(of: config, source: configURL.path), normalize: normalize)
    }

    /// The one mode `config` turns on; any other pooling (weighted mean, last token, several
    /// modes concatenated, the prompt left out of the pool) is refused by name.
    static func mode(of config: [String: Any], source: String) throws -> Mode {
        let flagged = config.filter { $0.key.hasPrefix("pooling_mode_") && ($0.value as? Bool) == true }.keys.sorted()
        let chosen = Mode.allCases.filter { flagged.contains($0.configKey) }
        guard flagged.count == 1, let mode = chosen.first else {
            let named = flagged.isEmpty ? "no pooling mode" : flagged.joined(separator: " + ")
            throw SemfindError(
                .unsupportedModel,
                "\(source): \(named) is not supported; semfind pools by mean, CLS, max or mean_sqrt_len")
        }
        guard config["include_prompt"] as? Bool ?? true else {
            throw SemfindError(.unsupportedModel, "\(source): include_prompt false is not supported")
        }
        return mode
    }
}

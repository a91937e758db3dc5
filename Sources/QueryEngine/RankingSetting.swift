import Foundation
import SemfindCore

/// Ranking settings by name (`QueryPolicy.settingNames`), each a number: one line of the file
/// `semfind eval --settings` reads, applied over the policy the other options build.
public struct RankingSetting: Sendable, Equatable {
    /// The values by setting name; empty leaves the base policy as it is.
    public let values: [String: Double]

    /// Settings whose names `QueryPolicy.set(_:to:)` knows; an unknown one is an error.
    public init(_ values: [String: Double]) throws {
        self.values = values
        _ = try applied(to: QueryPolicy())
    }

    /// `base` with these settings.
    public func applied(to base: QueryPolicy) throws -> QueryPolicy {
        var policy = base
        for (name, value) in values { try policy.set(name, to: value) }
        return policy
    }

    /// `name=value,…` in the order of `QueryPolicy.settingNames`; "base" when there is none.
    public var label: String {
        guard !values.isEmpty else { return "base" }
        return QueryPolicy.settingNames.compactMap { name in values[name].map { "\(name)=\(Self.format($0))" } }
            .joined(separator: ",")
    }

    /// Reads a JSON Lines file of objects such as `{"opening-weight": 0.25, "fusion-k": 10}`;
    /// a malformed line or an unknown name is an error that names the file and line.
    public static func load(path: String) throws -> [RankingSetting] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SemfindError(.io, "cannot read \(path)")
        }
        var settings: [RankingSetting] = []
        for (index, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let values = try? JSONDecoder().decode([String: Double].self, from: Data(line.utf8)) else {
                throw SemfindError(
                    .invalidInput,
                    "\(path):\(index + 1): expected an object of ranking settings to numbers, as {\"fusion-k\": 10}")
            }
            do {
                settings.append(try RankingSetting(values))
            } catch let error as SemfindError {
                throw SemfindError(error.code, "\(path):\(index + 1): \(error.message)")
            }
        }
        guard !settings.isEmpty else { throw SemfindError(.invalidInput, "\(path) has no settings") }
        return settings
    }

    /// A whole number without a fraction ("10"), any other as Swift prints it ("0.25").
    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

import Foundation
import ResultOutput

/// A parsed JSON value (`ResultOutput`'s, which keeps integers, other numbers and booleans apart),
/// as the schema validator reads it.
extension JSONValue {
    public init(parsing text: String) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// Equality as JSON Schema's `const` and `enum` see it: 1 and 1.0 are the same number.
    func same(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.same(as: $1) }
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { key, value in b[key].map { value.same(as: $0) } ?? false }
        default: number != nil && number == other.number
        }
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[" + values.map(\.description).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        }
    }
}

/// A JSON Schema (draft 2020-12) validator for the keywords semfind's schemas use: `type`,
/// `properties`, `required`, `additionalProperties`, `items`, `prefixItems`, `minItems`,
/// `enum`, `const`, `minimum`, `oneOf` and `$ref` to the same document. Any other keyword
/// is reported as an error rather than ignored, so a schema cannot silently outgrow it.
public struct JSONSchemaValidator: Sendable {
    let root: JSONValue

    static let annotations: Set = ["$schema", "$id", "$defs", "$comment", "title", "description", "examples"]
    static let assertions: Set = [
        "type", "properties", "required", "additionalProperties", "items", "prefixItems", "minItems", "enum",
        "const", "minimum", "oneOf", "$ref",
    ]

    public init(schema: URL) throws {
        root = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: schema))
    }

    /// Why `line` does not validate: one message per failure, each starting with a JSON
    /// pointer; empty when it is valid (or not JSON: then the one message says so).
    public func errors(in line: String) -> [String] {
        guard let value = try? JSONValue(parsing: line) else { return ["not JSON: \(line)"] }
        return errors(value, root, at: "")
    }

    func errors(_ value: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
        switch schema {
        case .bool(true): return []
        case .bool(false): return ["\(path): no value is allowed here"]
        case .object(let keywords):
            return keywords.sorted { $0.key < $1.key }.flatMap { keyword, argument in
                errors(value, keyword, argument, in: keywords, at: path)
            }
        default: return ["\(path): the schema is not an object or a boolean"]
        }
    }

    private func errors(
        _ value: JSONValue, _ keyword: String, _ argument: JSONValue, in keywords: [String: JSONValue], at path: String
    ) -> [String] {
        func fail(_ message: String) -> [String] { ["\(path): \(message)"] }
        switch (keyword, argument, value) {
        case ("type", .string(let name), _):
            return matches(value, type: name) ? [] : fail("expected \(name), got \(value)")
        case ("type", .array(let names), _):
            return names.contains { if case .string(let name) = $0 { matches(value, type: name) } else { false } }
                ? [] : fail("expected one of the types \(names), got \(value)")
        case ("const", _, _):
            return value.same(as: argument) ? [] : fail("expected \(argument), got \(value)")
        case ("enum", .array(let options), _):
            return options.contains { value.same(as: $0) } ? [] : fail("\(value) is not one of \(options)")
        case ("minimum", _, _):
            guard let number = value.number, let minimum = argument.number else { return [] }
            return number >= minimum ? [] : fail("\(value) is below the minimum \(argument)")
        case ("required", .array(let names), .object(let object)):
            return names.compactMap { name -> String? in
                guard case .string(let name) = name, object[name] == nil else { return nil }
                return "\(path): missing required property \"\(name)\""
            }
        case ("properties", .object(let properties), .object(let object)):
            return object.sorted { $0.key < $1.key }.flatMap { key, member in
                properties[key].map { errors(member, $0, at: path + "/" + key) } ?? []
            }
        case ("additionalProperties", _, .object(let object)):
            guard case .object(let declared) = keywords["properties"] ?? .object([:]) else { return [] }
            return object.sorted { $0.key < $1.key }.filter { declared[$0.key] == nil }.flatMap { key, member in
                argument.same(as: .bool(false))
                    ? ["\(path): unexpected property \"\(key)\""] : errors(member, argument, at: path + "/" + key)
            }
        case ("prefixItems", .array(let schemas), .array(let items)):
            return zip(schemas, items).enumerated().flatMap { errors($1.1, $1.0, at: path + "/\($0)") }
        case ("items", _, .array(let items)):
            var prefix = 0
            if case .array(let schemas) = keywords["prefixItems"] { prefix = schemas.count }
            return items.enumerated().dropFirst(prefix).flatMap { errors($1, argument, at: path + "/\($0)") }
        case ("minItems", _, .array(let items)):
            return Double(items.count) >= argument.number ?? 0 ? [] : fail("fewer than \(argument) items")
        case ("oneOf", .array(let branches), _):
            let failures = branches.map { errors(value, $0, at: path) }
            let passed = failures.filter(\.isEmpty).count
            if passed == 1 { return [] }
            if passed > 1 { return fail("matches \(passed) branches of oneOf, not exactly one") }
            return failures.min { $0.count < $1.count } ?? fail("oneOf is empty")
        case ("$ref", .string(let reference), _):
            guard let target = resolve(reference) else { return fail("cannot resolve $ref \(reference)") }
            return errors(value, target, at: path)
        default:
            if Self.annotations.contains(keyword) || Self.assertions.contains(keyword) { return [] }
            return fail("the validator does not support the keyword \(keyword)")
        }
    }

    private func matches(_ value: JSONValue, type name: String) -> Bool {
        switch (name, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .integer), ("number", .number), ("integer", .integer):
            true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }

    /// A reference within the schema's own document: `#` followed by a JSON pointer.
    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var node = root
        for token in reference.dropFirst().split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object(let object): guard let next = object[key] else { return nil }; node = next
            case .array(let array):
                guard let index = Int(key), array.indices.contains(index) else { return nil }; node = array[index]
            default: return nil
            }
        }
        return node
    }
}

import ResultOutput

/// A request's named parameters, read with their types checked: a parameter of the wrong type is
/// an invalid-params error that names it, never silently a default. A null is an absent one.
public struct RequestParams: Sendable {
    public let values: [String: JSONValue]

    /// Nil when `params` is neither absent nor a JSON object.
    public init?(_ params: JSONValue?) {
        switch params {
        case nil: values = [:]
        case .object(let object): values = object
        default: return nil
        }
    }

    public init(values: [String: JSONValue]) { self.values = values }

    public func string(_ name: String) throws -> String? {
        try typed(name, "a string") {
            if case .string(let text) = $0 { return text }
            return nil
        }
    }

    public func integer(_ name: String) throws -> Int? {
        try typed(name, "a whole number") {
            switch $0 {
            case .integer(let whole): return whole
            case .number(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
            default: return nil
            }
        }
    }

    public func number(_ name: String) throws -> Double? {
        try typed(name, "a number") {
            switch $0 {
            case .integer(let whole): return Double(whole)
            case .number(let number): return number
            default: return nil
            }
        }
    }

    public func boolean(_ name: String) throws -> Bool? {
        try typed(name, "true or false") {
            if case .bool(let flag) = $0 { return flag }
            return nil
        }
    }

    public func strings(_ name: String) throws -> [String]? {
        try typed(name, "a list of strings") {
            guard case .array(let items) = $0 else { return nil }
            let texts = items.compactMap { item -> String? in
                if case .string(let text) = item { return text }
                return nil
            }
            return texts.count == items.count ? texts : nil
        }
    }

    public func object(_ name: String) throws -> RequestParams? {
        try typed(name, "a JSON object") {
            if case .object(let object) = $0 { return RequestParams(values: object) }
            return nil
        }
    }

    private func typed<T>(_ name: String, _ kind: String, _ convert: (JSONValue) -> T?) throws -> T? {
        guard let value = values[name], value != .null else { return nil }
        guard let converted = convert(value) else { throw JSONRPCError.invalidParams("\(name) must be \(kind)") }
        return converted
    }
}

import Foundation

/// A request's named parameters, read with their types checked: a parameter of the wrong type is
/// an invalid-params error that names it, never silently a default.
struct RequestParams {
    let values: [String: Any]

    /// Nil when `params` is neither absent nor a JSON object.
    init?(_ params: Any?) {
        switch params {
        case nil: values = [:]
        case let object as [String: Any]: values = object
        default: return nil
        }
    }

    init(values: [String: Any]) { self.values = values }

    func string(_ name: String) throws -> String? {
        try typed(name, "a string") { $0 as? String }
    }

    func integer(_ name: String) throws -> Int? {
        try typed(name, "a whole number") { value in
            guard let number = value as? NSNumber, !Self.isBoolean(number) else { return nil }
            let double = number.doubleValue
            return double.rounded() == double && abs(double) < 1e15 ? Int(double) : nil
        }
    }

    func number(_ name: String) throws -> Double? {
        try typed(name, "a number") { value in
            guard let number = value as? NSNumber, !Self.isBoolean(number) else { return nil }
            return number.doubleValue
        }
    }

    func boolean(_ name: String) throws -> Bool? {
        try typed(name, "true or false") { value in
            guard let number = value as? NSNumber, Self.isBoolean(number) else { return nil }
            return number.boolValue
        }
    }

    func strings(_ name: String) throws -> [String]? {
        try typed(name, "a list of strings") { $0 as? [String] }
    }

    func object(_ name: String) throws -> RequestParams? {
        try typed(name, "a JSON object") { ($0 as? [String: Any]).map(RequestParams.init(values:)) }
    }

    private func typed<T>(_ name: String, _ kind: String, _ convert: (Any) -> T?) throws -> T? {
        guard let value = values[name], !(value is NSNull) else { return nil }
        guard let converted = convert(value) else { throw JSONRPCError.invalidParams("\(name) must be \(kind)") }
        return converted
    }

    /// JSON `true` and `false` arrive as NSNumber too (of C type `char`, which no JSON number
    /// gets); they are not numbers here.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}

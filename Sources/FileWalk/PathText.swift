/// Turns path bytes into the strings the walker reports, and joins and takes apart paths.
public enum PathText {
    /// The bytes as text when they are valid UTF-8, else `nil`.
    static func decoded(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// The bytes as text, with each byte that is not part of valid UTF-8 shown as `\xNN`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] {
                    text += "\\x" + hexDigits(byte)
                }
                offset += length
            case .emptyInput:
                return text
            }
        }
    }

    /// `parent` and `name` joined by "/", where an empty parent means `name` stands alone.
    static func joined(_ parent: String, _ name: String) -> String {
        if parent.isEmpty { return name }
        return parent.hasSuffix("/") ? parent + name : parent + "/" + name
    }

    /// The NUL-terminated C string of `parent` + "/" + the raw `name` bytes.
    static func cPath(_ parent: String, _ name: [UInt8]) -> [CChar] {
        var bytes = Array(parent.utf8)
        if bytes.last != 0x2F { bytes.append(0x2F) }
        bytes += name
        bytes.append(0)
        return bytes.map { CChar(bitPattern: $0) }
    }

    /// `path` as a NUL-terminated C string.
    static func cPath(_ path: String) -> [CChar] {
        Array(path.utf8CString)
    }

    /// The last "/"-separated component of an absolute, standardized path.
    static func lastComponent(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// The lowercased extension of the path's last component, without the dot; `nil` when it has
    /// none (a name that only starts with a dot has none).
    public static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

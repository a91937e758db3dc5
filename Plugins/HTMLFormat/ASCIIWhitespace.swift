/// HTML's notion of white space (ASCII only), shared by the text collectors.
extension Unicode.Scalar {
    /// HTML's ASCII white space: space, tab, line feed, form feed, carriage return.
    var isASCIIWhitespace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D: true
        default: false
        }
    }
}

extension UInt8 {
    /// The byte is ASCII white space as HTML defines it.
    var isASCIIWhitespace: Bool {
        switch self {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D: true
        default: false
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII white space.
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isASCIIWhitespace }),
            let last = scalars.lastIndex(where: { !$0.isASCIIWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

extension DecodedText {
    /// The whole text of `bytes` (the bytes this was decoded from), as decoding them at once
    /// gives it (`CharsetChoice.decode`): the lines joined by their own terminators. Nil for a
    /// legacy charset, whose lines are decoded one by one and, in a stateful encoding, may not
    /// join into the whole.
    public func wholeText(of bytes: [UInt8]) -> String? {
        if case .legacy = charset.encoding { return nil }
        var text = ""
        text.reserveCapacity(bytes.count)
        for (index, line) in lines.enumerated() {
            text += line.text
            let next = index + 1 < lines.count ? lines[index + 1].bytes.lowerBound : bytes.count
            if line.bytes.upperBound < next { text += charset.decode(bytes[line.bytes.upperBound..<next]) }
        }
        return text
    }
}

extension DecodedText {
    /// The whole text of `bytes` (the bytes this was decoded from), as decoding them at once
    /// gives it (`CharsetChoice.decode`): the lines joined by their own terminators. In a legacy
    /// charset, the whole decode the lines were cut from; nil when its lines had to be decoded
    /// one by one (line ends that are not bytes 0x0A and 0x0D).
    public func wholeText(of bytes: [UInt8]) -> String? {
        if case .legacy = charset.encoding { return legacyText }
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

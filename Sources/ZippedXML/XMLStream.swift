import CLibXML2
import SemfindCore

/// Reads an XML part of a zipped document as a stream of events, through libxml2's streaming
/// reader: no tree is kept, and nothing of the document can reach the network or the disk.
///
/// The parser never substitutes entities, never loads a DTD and never uses the network, so an
/// entity-expansion attack ("billion laughs") cannot expand: an entity reference yields no text.
/// libxml2's default limits stay on (no `XML_PARSE_HUGE`): elements nested deeper than 256 or
/// a text node over 10 MB end the read with an error instead of exhausting memory or the stack.
public enum XMLStream {
    /// Calls `handle` with each event of the XML document in `bytes`, in order. `part` names the
    /// document in errors. Throws `SemfindError` (`.invalidInput`) for XML that is not well formed
    /// or passes a limit, naming the part, the line and libxml2's reason; or what `handle` throws.
    public static func read(_ bytes: [UInt8], part: String, _ handle: (XMLEvent) throws -> Void) throws {
        guard let size = Int32(exactly: bytes.count) else {
            throw SemfindError(.invalidInput, "\(part) is over libxml2's 2 GiB limit: refused")
        }
        _ = libxml2Initialized
        // The reader reads from `bytes`' storage, which must stay put until it is freed.
        try bytes.withUnsafeBufferPointer { buffer in
            let characters = UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(characters, size, nil, nil, options) else {
                throw SemfindError(.invalidInput, "libxml2 could not start reading \(part)")
            }
            defer { xmlFreeTextReader(reader) }
            let sink = ErrorSink()
            try withExtendedLifetime(sink) {
                xmlTextReaderSetStructuredErrorHandler(
                    reader, ErrorSink.record, Unmanaged.passUnretained(sink).toOpaque())
                try readEvents(reader, part: part, sink: sink, handle)
            }
        }
    }

    private static func readEvents(
        _ reader: xmlTextReaderPtr, part: String, sink: ErrorSink, _ handle: (XMLEvent) throws -> Void
    ) throws {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return }
            guard status == 1 else {
                let reason = sink.message ?? "not well-formed XML"
                throw SemfindError(.invalidInput, "\(part) is not readable XML: \(reason)")
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let start = elementStart(reader)
                try handle(.start(start))
                if xmlTextReaderIsEmptyElement(reader) == 1 { try handle(.end(localName: start.localName)) }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                try handle(.end(localName: string(xmlTextReaderConstLocalName(reader))))
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                try handle(.text(string(xmlTextReaderConstValue(reader))))
            default:
                break
            }
        }
    }

    private static func elementStart(_ reader: xmlTextReaderPtr) -> XMLElementStart {
        var start = XMLElementStart(
            localName: string(xmlTextReaderConstLocalName(reader)),
            namespace: string(xmlTextReaderConstNamespaceUri(reader)))
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            start.attributes.append(
                XMLElementStart.Attribute(
                    namespace: string(xmlTextReaderConstNamespaceUri(reader)),
                    localName: string(xmlTextReaderConstLocalName(reader)),
                    value: string(xmlTextReaderConstValue(reader))))
        }
        xmlTextReaderMoveToElement(reader)
        return start
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// No entity substitution, DTD loading or default attributes from a DTD; no network; no
    /// reports on stderr; CDATA read as text.
    private static let options: Int32 = {
        let flags = [
            XML_PARSE_NONET.rawValue, XML_PARSE_NOERROR.rawValue, XML_PARSE_NOWARNING.rawValue,
            XML_PARSE_NOCDATA.rawValue, XML_PARSE_COMPACT.rawValue,
        ]
        return Int32(truncatingIfNeeded: flags.reduce(0, |))
    }()
}

/// libxml2's one-time global set-up, run once (Swift initialises globals exactly once, thread
/// safely) before the first read; libxml2 2.9 does not guard its own lazy set-up against threads.
private let libxml2Initialized: Bool = {
    xmlInitParser()
    return true
}()

/// Keeps the first error libxml2 reports while reading one part, for the error message. Reached
/// from libxml2's C callback through an unretained pointer, only on the reading thread.
private final class ErrorSink {
    var message: String?

    static let record: xmlStructuredErrorFunc = { sink, error in
        guard let sink, let error else { return }
        let box = Unmanaged<ErrorSink>.fromOpaque(sink).takeUnretainedValue()
        guard box.message == nil, let text = error.pointee.message else { return }
        let reason = String(cString: text).split(whereSeparator: \.isNewline).joined(separator: " ")
        box.message = "line \(error.pointee.line): \(reason)"
    }
}

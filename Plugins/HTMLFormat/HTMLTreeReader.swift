import CLibXML2

/// Runs libxml2's HTML parser over a file's bytes: recover mode, network off, and every
/// diagnostic kept off stderr.
///
/// Silencing takes two hooks, because libxml2 reports parser errors through the parser context
/// but (in 2.9–2.11) encoding errors through a global handler. The context's structured handler
/// is set on a context of our own; the global one with `xmlSetStructuredErrorFunc`, which is
/// per-thread state in libxml2 builds with thread support (Linux distributions, macOS). The
/// parse is synchronous, so it starts and ends on one thread; the handler is reset to libxml2's
/// default (none) afterwards, which is all there is to restore since nothing else in semfind
/// uses libxml2.
enum HTMLTreeReader {
    /// A problem libxml2 reported that loses or garbles text; malformed markup is not one.
    enum Issue: Hashable, CaseIterable {
        /// Bytes not valid in the document's encoding.
        case undecodable
        /// The document declares a charset libxml2 does not know.
        case unknownCharset
        /// Parsing stopped before the end (a resource limit, or memory).
        case stoppedEarly
    }

    /// What came of a parse.
    struct Outcome<Result> {
        /// What `body` made of the document, or nil when libxml2 returned none.
        var result: Result?
        /// The encoding libxml2 read the document in, when it names one.
        var encoding: String?
        var issues: Set<Issue>
    }

    /// Parses `bytes` (at most `Int32.max` of them) and hands the document to `body`; the
    /// document and the parser context are freed before this returns.
    static func read<Result>(
        _ bytes: [UInt8], encoding: String?, _ body: (xmlDocPtr) -> Result
    ) -> Outcome<Result> {
        _ = libxml2Initialized
        guard let context = htmlNewParserCtxt() else { return Outcome(result: nil, issues: [.stoppedEarly]) }
        defer { htmlFreeParserCtxt(context) }
        let sink = DiagnosticSink()
        return withExtendedLifetime(sink) {
            let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
            context.pointee._private = sinkPointer
            context.pointee.sax?.pointee.serror = { userData, error in
                // The context's user data is the context itself; our sink hangs off `_private`.
                let context = userData?.assumingMemoryBound(to: htmlParserCtxt.self)
                DiagnosticSink.record(context?.pointee._private, error?.pointee)
            }
            xmlSetStructuredErrorFunc(sinkPointer) { sinkPointer, error in
                DiagnosticSink.record(sinkPointer, error?.pointee)
            }
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            guard let document = parse(bytes, encoding: encoding, context: context) else {
                return Outcome(result: nil, issues: sink.issues)
            }
            defer { xmlFreeDoc(document) }
            let result = body(document)
            let name = document.pointee.encoding.map { String(cString: $0) }
            return Outcome(result: result, encoding: name ?? encoding, issues: sink.issues)
        }
    }

    private static func parse(_ bytes: [UInt8], encoding: String?, context: htmlParserCtxtPtr) -> xmlDocPtr? {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                guard let base = characters.baseAddress, let size = Int32(exactly: characters.count) else {
                    return nil
                }
                guard let encoding else {
                    return htmlCtxtReadMemory(context, base, size, nil, nil, options)
                }
                return encoding.withCString { htmlCtxtReadMemory(context, base, size, nil, $0, options) }
            }
        }
    }

    /// Recover from any markup, never touch the network, report nothing, keep short strings in
    /// the nodes, ask for unclipped line numbers (honoured by the versions that support them),
    /// and lift the hard limits: without `XML_PARSE_HUGE`, libxml2 stops at nesting depth 256
    /// (a few hundred unclosed `<div>`s in a broken page) or at a 10 MB text, and silently
    /// drops the rest of the page. HTML has no entity expansion, so the work stays bounded by
    /// the file's size.
    private static let options: Int32 = {
        let flags = [
            Int(HTML_PARSE_RECOVER.rawValue), Int(HTML_PARSE_NONET.rawValue), Int(HTML_PARSE_NOERROR.rawValue),
            Int(HTML_PARSE_NOWARNING.rawValue), Int(HTML_PARSE_COMPACT.rawValue), Int(XML_PARSE_BIG_LINES.rawValue),
            Int(XML_PARSE_HUGE.rawValue),
        ]
        return Int32(truncatingIfNeeded: flags.reduce(0, |))
    }()
}

/// libxml2's one-time global set-up, run once (Swift initialises globals exactly once, thread
/// safely) before the first parse.
private let libxml2Initialized: Bool = {
    xmlInitParser()
    return true
}()

/// Collects what libxml2 reported during one parse. Reached from libxml2's C callbacks through
/// an unretained pointer, only on the parsing thread and only while the parse runs.
private final class DiagnosticSink {
    var issues: Set<HTMLTreeReader.Issue> = []

    /// Notes an error from libxml2 that loses or garbles text.
    static func record(_ sink: UnsafeMutableRawPointer?, _ error: xmlError?) {
        guard let sink, let error, let issue = issue(error) else { return }
        Unmanaged<DiagnosticSink>.fromOpaque(sink).takeUnretainedValue().issues.insert(issue)
    }

    private static func issue(_ error: xmlError) -> HTMLTreeReader.Issue? {
        let (domain, code) = (Int(error.domain), Int(error.code))
        if domain == Int(XML_FROM_I18N.rawValue) || code == Int(XML_ERR_INVALID_ENCODING.rawValue)
            || code == Int(XML_IO_ENCODER.rawValue)
        {
            return .undecodable
        }
        if code == Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue) {
            return .unknownCharset
        }
        if code == Int(XML_ERR_NO_MEMORY.rawValue)
            || (domain == Int(XML_FROM_PARSER.rawValue) && error.level == XML_ERR_FATAL)
        {
            return .stoppedEarly
        }
        return nil
    }
}

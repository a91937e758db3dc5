import CLibXML2

/// Runs libxml2's HTML parser over a page already decoded to UTF-8: recover mode, network off,
/// the page's own charset declarations ignored, and every diagnostic kept off stderr.
///
/// Silencing takes two hooks, because libxml2 reports parser errors through the parser context
/// but (in 2.9–2.11) encoding errors through a global handler. The context's structured handler
/// is set on a context of our own; the global one with `xmlSetStructuredErrorFunc`, which is
/// per-thread state in libxml2 builds with thread support (Linux distributions, macOS). The
/// parse is synchronous, so it starts and ends on one thread; the handler is reset to libxml2's
/// default (none) afterwards, which is all there is to restore since nothing else in semfind sets
/// it (`ZippedXML` reports through each reader's own handler).
enum HTMLTreeReader {
    /// What came of a parse.
    struct Outcome<Result> {
        /// What `body` made of the document, or nil when libxml2 returned none.
        var result: Result?
        /// Parsing stopped before the end (a resource limit, or memory): text is missing.
        var stoppedEarly: Bool
    }

    /// Parses `utf8` (at most `Int32.max` bytes) and hands the document to `body`; the document
    /// and the parser context are freed before this returns.
    static func read<Result>(_ utf8: [UInt8], _ body: (xmlDocPtr) -> Result) -> Outcome<Result> {
        _ = libxml2Initialized
        guard let context = htmlNewParserCtxt() else { return Outcome(result: nil, stoppedEarly: true) }
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
            guard let document = parse(utf8, context: context) else {
                return Outcome(result: nil, stoppedEarly: sink.stoppedEarly)
            }
            defer { xmlFreeDoc(document) }
            let result = body(document)
            return Outcome(result: result, stoppedEarly: sink.stoppedEarly)
        }
    }

    private static func parse(_ utf8: [UInt8], context: htmlParserCtxtPtr) -> xmlDocPtr? {
        utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                guard let base = characters.baseAddress, let size = Int32(exactly: characters.count) else {
                    return nil
                }
                return htmlCtxtReadMemory(context, base, size, nil, "UTF-8", options)
            }
        }
    }

    /// Recover from any markup, never touch the network, ignore `<meta charset>` (the text is
    /// UTF-8 already), report nothing, keep short strings in
    /// the nodes, ask for unclipped line numbers (honoured by the versions that support them),
    /// and lift the hard limits: without `XML_PARSE_HUGE`, libxml2 stops at nesting depth 256
    /// (a few hundred unclosed `<div>`s in a broken page) or at a 10 MB text, and silently
    /// drops the rest of the page. HTML has no entity expansion, so the work stays bounded by
    /// the file's size.
    private static let options: Int32 = {
        let flags = [
            Int(HTML_PARSE_RECOVER.rawValue), Int(HTML_PARSE_NONET.rawValue), Int(HTML_PARSE_NOERROR.rawValue),
            Int(HTML_PARSE_NOWARNING.rawValue), Int(HTML_PARSE_COMPACT.rawValue), Int(XML_PARSE_BIG_LINES.rawValue),
            Int(XML_PARSE_HUGE.rawValue), Int(HTML_PARSE_IGNORE_ENC.rawValue),
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

/// Notes whether libxml2 gave up during one parse. Reached from libxml2's C callbacks through
/// an unretained pointer, only on the parsing thread and only while the parse runs.
private final class DiagnosticSink {
    var stoppedEarly = false

    /// Notes an error from libxml2 that ends the parse early (malformed markup is no such error).
    static func record(_ sink: UnsafeMutableRawPointer?, _ error: xmlError?) {
        guard let sink, let error else { return }
        let isFatal =
            Int(error.code) == Int(XML_ERR_NO_MEMORY.rawValue)
            || (Int(error.domain) == Int(XML_FROM_PARSER.rawValue) && error.level == XML_ERR_FATAL)
        if isFatal { Unmanaged<DiagnosticSink>.fromOpaque(sink).takeUnretainedValue().stoppedEarly = true }
    }
}

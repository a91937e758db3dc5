import Foundation
import SemfindCore

/// What the parse worker answers: the document (JSON after the byte 0) or the plugin's one-line
/// error (UTF-8 after the byte 1).
enum ParseReply: Equatable {
    case document(ParsedDocument)
    case failure(String)

    var encoded: [UInt8] {
        switch self {
        case .document(let document):
            // Encoding a document of Strings, arrays and integers cannot fail.
            let json = (try? JSONEncoder().encode(document)) ?? Data()
            return [0] + Array(json)
        case .failure(let message):
            return [1] + Array(message.utf8)
        }
    }

    /// The reply in `payload`; nil when it is not one (garbage on the pipe).
    init?(decoding payload: ArraySlice<UInt8>) {
        switch payload.first {
        case 0:
            guard let document = try? JSONDecoder().decode(ParsedDocument.self, from: Data(payload.dropFirst())) else {
                return nil
            }
            self = .document(document)
        case 1:
            self = .failure(String(decoding: payload.dropFirst(), as: UTF8.self))
        default:
            return nil
        }
    }
}

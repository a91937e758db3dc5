/// One step through an XML document, in document order.
public enum XMLEvent: Sendable, Equatable {
    /// An element's start tag (an empty element gives a start and then an end).
    case start(XMLElementStart)
    /// An element's end.
    case end(localName: String)
    /// Character data: text, CDATA or white space between tags.
    case text(String)
}

/// An element's start tag: its local name, namespace URI and attributes.
public struct XMLElementStart: Sendable, Equatable {
    /// An attribute: its namespace URI ("" for none), local name and value.
    public struct Attribute: Sendable, Equatable {
        public var namespace: String
        public var localName: String
        public var value: String

        public init(namespace: String, localName: String, value: String) {
            self.namespace = namespace
            self.localName = localName
            self.value = value
        }
    }

    /// The name without its prefix, e.g. "p" for `<w:p>`.
    public var localName: String
    /// The namespace URI ("" for none).
    public var namespace: String
    public var attributes: [Attribute]

    public init(localName: String, namespace: String = "", attributes: [Attribute] = []) {
        self.localName = localName
        self.namespace = namespace
        self.attributes = attributes
    }

    /// The value of the first attribute named `localName` (in `namespace`, when given).
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        attributes.first { $0.localName == localName && (namespace == nil || $0.namespace == namespace) }?.value
    }
}

import CLibXML2

/// Read-only helpers over libxml2 element nodes: name, attributes, reported line, and the
/// questions text extraction asks of them (is it hidden, is this table a layout table).
///
/// Attribute values are read straight from the tree (`properties` and their text children), so
/// nothing here allocates through libxml2 and nothing needs `xmlFree`.
enum ElementAttributes {
    /// The element's lowercase name ("" when libxml2 gave none).
    static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The line libxml2 recorded for the node, or nil when it recorded none.
    static func line(of node: xmlNodePtr) -> Int? {
        let line = Int(xmlGetLineNo(node))
        return line > 0 ? line : nil
    }

    /// The value of the attribute named `name` (lowercase), or nil when the element lacks it.
    static func value(of name: String, in node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName).lowercased() == name {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content {
                        value += String(cString: content)
                    }
                    child = text.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The element's ARIA roles: the `role` attribute's tokens, lowercase.
    static func roles(of node: xmlNodePtr) -> [Substring] {
        guard let role = value(of: "role", in: node) else { return [] }
        return role.lowercased().split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.isASCIIWhitespace) })
    }

    /// Whether the page hides the element from readers: the `hidden` attribute,
    /// `aria-hidden="true"`, or an inline style with `display:none` or `visibility:hidden`.
    ///
    /// Style sheets are not consulted; the inline check is a plain substring test. A page hidden
    /// as a whole (`<body style="display:none">`) is hidden only until its scripts run, so `html`
    /// and `body` are never taken for hidden.
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.properties != nil else { return false }
        let name = name(of: node)
        guard name != "html" && name != "body" else { return false }
        if value(of: "hidden", in: node) != nil {
            return true
        }
        if let aria = value(of: "aria-hidden", in: node),
            aria.trimmingASCIIWhitespace().lowercased() == "true"
        {
            return true
        }
        if let style = value(of: "style", in: node) {
            let compact = String(style.lowercased().unicodeScalars.filter { !$0.isASCIIWhitespace })
            return compact.contains("display:none") || compact.contains("visibility:hidden")
        }
        return false
    }

    /// Whether a `<table>` lays out a page rather than holding data: it contains a heading or
    /// another table. Such a table is read as ordinary blocks, not as one table section.
    static func isLayoutTable(_ table: xmlNodePtr) -> Bool {
        contains(from: table.pointee.children) { node in
            guard node.pointee.type == XML_ELEMENT_NODE else { return false }
            switch ElementRole(name: name(of: node)) {
            case .heading, .table: return true
            default: return false
            }
        }
    }

    /// Whether `first`, a sibling after it, or a descendant of any of them satisfies `match`.
    /// The children of an element are searched only when `descendsInto` allows it.
    static func contains(
        from first: xmlNodePtr?, descendsInto: (xmlNodePtr) -> Bool = { _ in true }, where match: (xmlNodePtr) -> Bool
    ) -> Bool {
        var pending: [xmlNodePtr] = []
        if let first {
            pending.append(first)
        }
        while let node = pending.popLast() {
            if let next = node.pointee.next {
                pending.append(next)
            }
            if match(node) {
                return true
            }
            if node.pointee.type == XML_ELEMENT_NODE, descendsInto(node), let child = node.pointee.children {
                pending.append(child)
            }
        }
        return false
    }

    /// Whether a text node holds a character other than white space.
    static func hasVisibleCharacter(_ text: xmlNodePtr) -> Bool {
        guard let content = text.pointee.content else { return false }
        return String(cString: content).unicodeScalars.contains { !$0.isASCIIWhitespace }
    }

    /// Whether the text under `element` holds a letter or a digit.
    static func hasLetterOrDigit(under element: xmlNodePtr) -> Bool {
        contains(from: element.pointee.children) { node in
            guard node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content else { return false }
            return String(cString: content).unicodeScalars.contains { $0.isWordCharacter && $0 != "_" }
        }
    }
}

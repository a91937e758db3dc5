import CLibXML2

/// What a page marks as its furniture (what surrounds the content on every page of a site) and
/// as its main content, by ARIA roles and HTML elements; no class name or generator is known.
enum PageFurniture {
    /// How a sectioning element bounds the headings inside it.
    enum Outline {
        /// `article`, `main`, `nav`, `section`, `role="main"`: its headings end with it.
        case nested
        /// `aside`, `role="complementary"` (a sidebar): its headings end with it, and start from
        /// the title rather than under the section it follows.
        case separate
    }

    /// Landmark roles of what surrounds the content rather than being it.
    private static let furnitureRoles: Set<Substring> = ["navigation", "search", "banner", "contentinfo"]

    /// Whether `element` is furniture: a navigation, search, banner or content-info landmark; a
    /// `header` or `footer` of the page itself (outside any sectioning element, which is when
    /// HTML makes them the banner and content-info landmarks); or a permalink.
    static func isFurniture(_ element: xmlNodePtr, named name: String, insideSectioning: Bool) -> Bool {
        if (name == "header" || name == "footer") && !insideSectioning {
            return true
        }
        if name == "a" && isPermalink(element) {
            return true
        }
        return ElementAttributes.roles(of: element).contains(where: furnitureRoles.contains)
    }

    /// A link to a fragment of the page with no letter or digit in its text: the `¶`, `#` or
    /// `§` that generators put after headings and definitions (or an icon).
    static func isPermalink(_ link: xmlNodePtr) -> Bool {
        guard let target = ElementAttributes.value(of: "href", in: link), target.hasPrefix("#") else { return false }
        return !ElementAttributes.hasLetterOrDigit(under: link)
    }

    /// Whether `element` is the page's main content: `<main>` or `role="main"`.
    static func isMain(_ element: xmlNodePtr, named name: String) -> Bool {
        name == "main" || ElementAttributes.roles(of: element).contains("main")
    }

    /// How `element` bounds the headings inside it, if it is a sectioning element.
    static func outline(of element: xmlNodePtr, named name: String) -> Outline? {
        switch name {
        case "aside": return .separate
        case "article", "main", "nav", "section": return .nested
        default: break
        }
        let roles = ElementAttributes.roles(of: element)
        if roles.contains("complementary") {
            return .separate
        }
        return roles.contains("main") ? .nested : nil
    }

    /// Whether the page marks its main content: a `<main>` or `role="main"` element with text,
    /// neither hidden nor inside dropped, hidden or furniture elements.
    static func pageMarksMain(_ document: xmlDocPtr) -> Bool {
        ElementAttributes.contains(from: document.pointee.children, descendsInto: isShown) { node in
            guard node.pointee.type == XML_ELEMENT_NODE, isShown(node),
                isMain(node, named: ElementAttributes.name(of: node))
            else { return false }
            return ElementAttributes.contains(from: node.pointee.children, descendsInto: isShown) { inner in
                inner.pointee.type == XML_TEXT_NODE && ElementAttributes.hasVisibleCharacter(inner)
            }
        }
    }

    /// Whether the element's text may be read: neither dropped by its name, nor hidden, nor a
    /// furniture landmark.
    private static func isShown(_ element: xmlNodePtr) -> Bool {
        let name = ElementAttributes.name(of: element)
        return ElementRole(name: name) != .dropped && !ElementAttributes.isHidden(element)
            && !isFurniture(element, named: name, insideSectioning: true)
    }
}

import CLibXML2

/// Receives a libxml2 document's nodes in document order.
protocol TreeVisitor {
    /// An element's start; every element entered is left.
    mutating func enter(_ element: xmlNodePtr)
    /// An element's end, after all its descendants.
    mutating func leave(_ element: xmlNodePtr)
    /// A node with content: text, CDATA, comment or processing instruction.
    mutating func content(_ node: xmlNodePtr)
}

/// Walks a libxml2 tree without recursion, so deeply nested (or badly broken) markup cannot
/// exhaust the stack.
enum TreeWalker {
    /// Visits every node under `document`, in document order.
    static func walk<Visitor: TreeVisitor>(_ document: xmlDocPtr, with visitor: inout Visitor) {
        var open: [xmlNodePtr] = []
        var next = document.pointee.children
        while true {
            if let node = next {
                switch node.pointee.type {
                case XML_ELEMENT_NODE:
                    visitor.enter(node)
                    open.append(node)
                    next = node.pointee.children
                    continue
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE, XML_PI_NODE:
                    visitor.content(node)
                default:
                    break
                }
                next = node.pointee.next
            } else {
                guard let element = open.popLast() else { return }
                visitor.leave(element)
                next = element.pointee.next
            }
        }
    }
}

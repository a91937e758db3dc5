"""Writers of small documents for the scripts (Python's standard library only): PDFs of text
pages or image-only pages, and the zipped office formats (DOCX, ODT, EPUB) from their parts.

The scripts under scripts/ import it with `sys.path.insert(0, "scripts/lib")` from the
repository's root.
"""
import zipfile

WORD_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
DOCX_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def pdf(pages, title=None):
    """A PDF of `pages` (each a list of text lines in Helvetica, or None for a page with only a
    grey image, as a scanned page is), with a correct cross-reference table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    objects.append(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Length 64 >>\nstream\n" + bytes(range(64, 128)) + b"\nendstream")
    info = None
    if title is not None:
        objects.append(b"<< /Title (%s) >>" % title.encode("latin-1"))
        info = len(objects)
    kids = []
    for lines in pages:
        if lines is None:
            text = b"q 400 0 0 400 100 200 cm /Im1 Do Q"
        else:
            text = "".join(f"BT /F1 12 Tf 72 {732 - 16 * i} Td ({line}) Tj ET\n"
                           for i, line in enumerate(lines)).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                       b"/XObject << /Im1 4 0 R >> >> /Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    info_entry = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info_entry, xref)
    return bytes(out)


def write_zip(path, entries):
    """A zip archive at `path` of `entries` (name and text or bytes), in order; an entry named
    `mimetype` is stored, the others deflated. Names are written as given, `../` and all."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in entries:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), content, compress_type=method)


def word_document(body, prolog=""):
    """DOCX's word/document.xml around `body` (w:p elements), after `prolog` (a DOCTYPE)."""
    return f'<?xml version="1.0"?>{prolog}<w:document {WORD_NAMESPACE}><w:body>{body}</w:body></w:document>'


def word_paragraph(text, outline_level=None):
    """A w:p of `text`; with `outline_level`, a heading of that level (0 is the top)."""
    properties = f'<w:pPr><w:outlineLvl w:val="{outline_level}"/></w:pPr>' if outline_level is not None else ""
    return f"<w:p>{properties}<w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(path, body, prolog=""):
    """A DOCX at `path` whose document holds `body`."""
    write_zip(path, [("[Content_Types].xml", DOCX_CONTENT_TYPES), ("word/document.xml", word_document(body, prolog))])


def odt(path, body):
    """An ODT at `path` whose office:text holds `body` (text:h and text:p elements)."""
    content = (f'<?xml version="1.0"?><office:document-content {ODT_NAMESPACES}>'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content)])


def epub(path, title, chapters):
    """An EPUB at `path`: `chapters` (entry name and XHTML body) in spine order, the package
    document at the archive's top."""
    items = "".join(f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>'
                    for n, (name, _) in enumerate(chapters))
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
    package = ('<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata '
               f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></metadata>'
               f"<manifest>{items}</manifest><spine>{spine}</spine></package>")
    container = ('<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles>'
                 '<rootfile full-path="book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
    pages = [(name, f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>')
             for name, body in chapters]
    write_zip(path, [("mimetype", "application/epub+zip"), ("META-INF/container.xml", container),
                     ("book.opf", package)] + pages)

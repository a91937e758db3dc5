#ifndef SEMFIND_CLIBXML2_SHIM_H
#define SEMFIND_CLIBXML2_SHIM_H
// libxml2's HTML parser and tree API, for the HTML format plugin, and its streaming XML reader,
// for the zipped XML formats (ZippedXML).
//
// Debian's libxml2 is built with ICU, so encoding.h would include the system's <unicode/ucnv.h>,
// whose UErrorCode clashes with the copy inside Foundation (_FoundationICU) in any Swift file that
// imports both; whether the clash shows depends on build order. semfind never touches the ICU
// fields (they sit at the end of xmlCharEncodingHandler, which it only handles by pointer), so the
// ICU part of the headers is switched off here. The library itself is unchanged.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif

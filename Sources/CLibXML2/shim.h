#ifndef SEMFIND_CLIBXML2_SHIM_H
#define SEMFIND_CLIBXML2_SHIM_H
// libxml2's HTML parser and tree API, for the HTML format plugin.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif

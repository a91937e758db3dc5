#ifndef SEMFIND_CPOPPLER_SHIM_H
#define SEMFIND_CPOPPLER_SHIM_H
// poppler's GLib interface (documents, pages, text, outline), for the PDF format plugin.
#include <poppler.h>
#endif

#ifndef SEMFIND_CMAGIC_SHIM_H
#define SEMFIND_CMAGIC_SHIM_H
// libmagic's file-type detection (magic_open, magic_load, magic_buffer).
#include <magic.h>
#endif

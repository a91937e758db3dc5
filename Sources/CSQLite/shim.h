#ifndef SEMFIND_CSQLITE_SHIM_H
#define SEMFIND_CSQLITE_SHIM_H
// The system's SQLite (with FTS5, as Debian and macOS build it).
#include <sqlite3.h>
#endif

#ifndef SEMFIND_CPOSTGRES_SHIM_H
#define SEMFIND_CPOSTGRES_SHIM_H
// libpq's declarations (PGconn, PGresult, ConnStatusType, ExecStatusType, Oid). Only the
// header: PostgresStore loads the library itself when an index needs it (LibPQ.swift), so
// nothing here is linked, and no pkg-config flags (which would link it) are asked for: the
// header is looked for where Debian and Homebrew (keg-only) put it.
#if __has_include(<postgresql/libpq-fe.h>)
#include <postgresql/libpq-fe.h>
#elif __has_include("/opt/homebrew/opt/libpq/include/libpq-fe.h")
#include "/opt/homebrew/opt/libpq/include/libpq-fe.h"
#elif __has_include("/usr/local/opt/libpq/include/libpq-fe.h")
#include "/usr/local/opt/libpq/include/libpq-fe.h"
#else
#include <libpq-fe.h>
#endif
#endif

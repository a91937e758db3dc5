#ifndef SEMFIND_CPOSTGRES_SHIM_H
#define SEMFIND_CPOSTGRES_SHIM_H
// libpq's declarations (PGconn, PGresult, ConnStatusType, ExecStatusType, Oid). Only the
// header: PostgresStore loads the library itself when an index needs it (LibPQ.swift), so
// nothing here is linked.
#include <postgresql/libpq-fe.h>
#endif

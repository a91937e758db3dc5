#ifndef SEMFIND_CPOSTGRES_SHIM_H
#define SEMFIND_CPOSTGRES_SHIM_H
// libpq, PostgreSQL's client library (PQconnectdb, PQexecParams, PQresultErrorField).
#include <libpq-fe.h>
#endif

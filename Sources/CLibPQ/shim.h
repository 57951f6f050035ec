#ifndef DEALGRAPH_CLIBPQ_SHIM_H
#define DEALGRAPH_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif

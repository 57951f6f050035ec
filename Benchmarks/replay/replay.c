/*
 * The prepared replay ceiling of `make bench-e2e`: the SQL statements of one captured GraphQL
 * request, replayed as prepared statements with their captured parameters, as fast as PostgreSQL
 * answers them. N threads, one connection each; every thread PREPAREs each statement once, then
 * loops over the request (every statement in order, PQexecPrepared with text parameters, text
 * results) until the duration is over. One request = all statements of the capture.
 *
 * Usage: replay CONNINFO FILE THREADS SECONDS
 * FILE (written by scripts/bench-e2e-replay.py):
 *   DGREPLAY 1\n<statements>\n
 *   per statement: <bytes>\n<sql>\n<parameters>\n, then per parameter <bytes>\n<value>\n
 *   (<bytes> = -1 and no value for NULL).
 * Prints "requests/s <value>", "requests <n>", "seconds <s>", "rows per request <n>".
 *
 * Build: gcc -O2 -pthread -I$(pg_config --includedir) replay.c -o replay -lpq
 */
#include <errno.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char *sql;
    int count;
    char **values;
} Statement;

static Statement *statements;
static int statement_count;
static const char *conninfo;
static double deadline;
static long rows_per_request = -1;
static pthread_mutex_t rows_lock = PTHREAD_MUTEX_INITIALIZER;
/* Connected and prepared: the clock starts once every thread is (ready), then they go (start). */
static pthread_barrier_t ready, start;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "replay: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

/* Reads "<number>\n". */
static long read_number(FILE *file) {
    long value;
    if (fscanf(file, "%ld", &value) != 1 || fgetc(file) != '\n') fail("malformed replay file", "expected a number");
    return value;
}

/* Reads <bytes> bytes and the newline after them; NULL for -1. */
static char *read_bytes(FILE *file) {
    long length = read_number(file);
    if (length < 0) return NULL;
    char *text = malloc((size_t)length + 1);
    if (!text || fread(text, 1, (size_t)length, file) != (size_t)length || fgetc(file) != '\n') {
        fail("malformed replay file", "truncated value");
    }
    text[length] = '\0';
    return text;
}

static void load(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) fail(path, strerror(errno));
    char magic[32];
    if (!fgets(magic, sizeof magic, file) || strcmp(magic, "DGREPLAY 1\n") != 0) fail(path, "not a replay file");
    statement_count = (int)read_number(file);
    if (statement_count <= 0) fail(path, "no statements");
    statements = calloc((size_t)statement_count, sizeof *statements);
    for (int i = 0; i < statement_count; i++) {
        statements[i].sql = read_bytes(file);
        if (!statements[i].sql) fail(path, "statement without SQL");
        statements[i].count = (int)read_number(file);
        statements[i].values = calloc((size_t)statements[i].count + 1, sizeof(char *));
        for (int p = 0; p < statements[i].count; p++) statements[i].values[p] = read_bytes(file);
    }
    fclose(file);
}

static void *worker(void *argument) {
    long *requests = argument;
    PGconn *connection = PQconnectdb(conninfo);
    if (PQstatus(connection) != CONNECTION_OK) fail("connect", PQerrorMessage(connection));
    char name[32];
    for (int i = 0; i < statement_count; i++) {
        snprintf(name, sizeof name, "r%d", i);
        PGresult *result = PQprepare(connection, name, statements[i].sql, statements[i].count, NULL);
        if (PQresultStatus(result) != PGRES_COMMAND_OK) fail("prepare", PQresultErrorMessage(result));
        PQclear(result);
    }
    pthread_barrier_wait(&ready);
    pthread_barrier_wait(&start);
    while (now() < deadline) {
        long rows = 0;
        for (int i = 0; i < statement_count; i++) {
            snprintf(name, sizeof name, "r%d", i);
            PGresult *result = PQexecPrepared(connection, name, statements[i].count,
                                              (const char *const *)statements[i].values, NULL, NULL, 0);
            ExecStatusType status = PQresultStatus(result);
            if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail("execute", PQresultErrorMessage(result));
            rows += PQntuples(result);
            PQclear(result);
        }
        if (*requests == 0) {
            pthread_mutex_lock(&rows_lock);
            if (rows_per_request < 0) rows_per_request = rows;
            pthread_mutex_unlock(&rows_lock);
        }
        (*requests)++;
    }
    PQfinish(connection);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s CONNINFO FILE THREADS SECONDS\n", argv[0]);
        return 2;
    }
    conninfo = argv[1];
    load(argv[2]);
    int threads = atoi(argv[3]);
    double seconds = atof(argv[4]);
    if (threads <= 0 || seconds <= 0) fail("threads and seconds must be positive", NULL);
    pthread_t *ids = calloc((size_t)threads, sizeof *ids);
    long *counts = calloc((size_t)threads, sizeof *counts);
    pthread_barrier_init(&ready, NULL, (unsigned)threads + 1);
    pthread_barrier_init(&start, NULL, (unsigned)threads + 1);
    for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, worker, &counts[t]);
    pthread_barrier_wait(&ready);
    double began = now();
    deadline = began + seconds;
    pthread_barrier_wait(&start);
    long total = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        total += counts[t];
    }
    double elapsed = now() - began;
    printf("requests/s %.1f\nrequests %ld\nseconds %.2f\nstatements per request %d\nrows per request %ld\n",
           total / elapsed, total, elapsed, statement_count, rows_per_request);
    return 0;
}

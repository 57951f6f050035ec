'use strict';
// The usual stack beside DealGraph in `make bench-e2e`: graphql-js + node-postgres + a
// DataLoader-style batcher, serving `POST /graphql` on the tables DealGraph created (Parse's
// layout), with the same access control: the session token looked up by its SHA-256, its expiry,
// the role closure (with role inheritance), both cached for 5 s like DealGraph's AccessCache, and
// DealGraph's row predicate ("_rperm" IS NULL OR "_rperm" && principals) on every read.
//
// The schema is only what the bench's board query needs:
//   deals(first, order) { edges { node { title amount stage contact { name } company { name }
//     assignedTo { username } activities(first, order) { edges { node { type subject createdAt } } } } } }
// Statements per request: 1 for the page of deals, 1 per class and level for pointers (batched,
// `"objectId" = ANY($1)`), 1 for the activities of all deals of the page (a lateral join with a
// limit per deal, DealGraph's shape), all as named prepared statements, as DealGraph runs them.
// Each statement selects objectId and the columns the query reads (DealGraph also selects
// createdAt, updatedAt, _rperm and _wperm of every row today). Documents are parsed and validated
// once per query text, as DealGraph caches its prepared documents.
//
// Environment: PORT (default 18338), HOST (127.0.0.1), POOL_SIZE (10), LOG_LEVEL (info: one line
// per request on stdout, as DealGraph logs at its default level), and PGHOST (the socket folder),
// PGPORT, PGUSER, PGDATABASE for node-postgres.
// NODE_PATH must reach Debian's node-graphql and node-pg (Benchmarks/node-peer/install prints it).

const http = require('http');
const crypto = require('crypto');
const graphql = require('graphql');
const pg = require('pg');

const PORT = Number(process.env.PORT || 18338);
const HOST = process.env.HOST || '127.0.0.1';
const POOL_SIZE = Number(process.env.POOL_SIZE || 10);
const ACCESS_CACHE_MS = 5000;          // DealGraph's StoreOptions.accessCacheLifetime
const MAX_LIMIT = 1000;                // DealGraph's --max-limit
const DEFAULT_LIMIT = 100;             // DealGraph's --default-limit
const MAX_BODY_BYTES = 1048576;
const LOGS_REQUESTS = ['trace', 'debug', 'info'].includes(process.env.LOG_LEVEL || 'info');

// Timestamps are passed through as PostgreSQL's text and written in Parse's ISO form
// (milliseconds, UTC) by isoDate below, as DealGraph writes them; other types keep pg's parsers.
pg.types.setTypeParser(1184, (text) => text);
// Connections stay open while idle (node-postgres closes them after 10 s by default), as
// DealGraph's pool keeps its connections.
const pool = new pg.Pool({ max: POOL_SIZE, idleTimeoutMillis: 0, options: '-c TimeZone=UTC' });
let statements = 0;

async function run(name, text, values) {
  statements++;
  return (await pool.query({ name, text, values })).rows;
}

/// PostgreSQL's `2024-05-01 10:00:00.123456+00` -> Parse's `2024-05-01T10:00:00.123Z` (the session's
/// time zone is UTC), the fraction rounded to the nearest millisecond as DealGraph reads it.
function isoDate(text) {
  if (text === null || text === undefined) return null;
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?\+00$/.exec(text);
  if (!match) return new Date(text).toISOString();   // not the usual UTC form: let Date read it
  const milliseconds = Math.floor((Number((match[7] || '').padEnd(6, '0')) + 500) / 1000);
  if (milliseconds === 1000) {   // rounded up into the next second
    return new Date(Date.UTC(+match[1], match[2] - 1, +match[3], +match[4], +match[5], +match[6]) + 1000).toISOString();
  }
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}.${String(milliseconds).padStart(3, '0')}Z`;
}

// ---- access: sessions and role closures, cached briefly ----

class ExpiringCache {
  constructor(lifetime) { this.lifetime = lifetime; this.entries = new Map(); }
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.storedAt >= this.lifetime) { this.entries.delete(key); return undefined; }
    return entry.value;
  }
  set(key, value) {
    if (this.entries.size >= 10000) this.entries.clear();
    this.entries.set(key, { value, storedAt: Date.now() });
  }
}
const sessions = new ExpiringCache(ACCESS_CACHE_MS);
const roleClosures = new ExpiringCache(ACCESS_CACHE_MS);

class ParseError extends Error {
  constructor(code, message, status = 400) { super(message); this.code = code; this.status = status; }
}

/// The caller's principals in Parse's stored form, sorted: `*`, the user id, `role:<Name>`.
async function principalsFor(token) {
  if (!token) throw new ParseError(101, 'Permission denied, user needs to be authenticated.', 200);
  if (!/^r:[0-9a-f]{32}$/.test(token)) throw new ParseError(209, 'Invalid session token');
  const hash = crypto.createHash('sha256').update(token).digest('hex');
  let session = sessions.get(hash);
  if (!session) {
    const rows = await run('peer_session',
      'SELECT s."user", s."expiresAt" FROM "_Session" s JOIN "_User" u ON u."objectId" = s."user" WHERE s."sessionToken" = $1',
      [hash]);
    if (rows.length === 0 || rows[0].user === null) throw new ParseError(209, 'Invalid session token');
    session = { userId: rows[0].user, expiresAt: rows[0].expiresAt ? Date.parse(isoDate(rows[0].expiresAt)) : Infinity };
    sessions.set(hash, session);
  }
  if (!(session.expiresAt > Date.now())) throw new ParseError(209, 'Session token is expired.');
  let roles = roleClosures.get(session.userId);
  if (!roles) {
    const rows = await run('peer_roles', `
      WITH RECURSIVE held AS (SELECT "owningId" AS id FROM "_Join:users:_Role" WHERE "relatedId" = $1
        UNION SELECT j."owningId" FROM "_Join:roles:_Role" j JOIN held ON j."relatedId" = held.id)
      SELECT "name" FROM "_Role" WHERE "objectId" IN (SELECT id FROM held)`, [session.userId]);
    roles = rows.map((row) => row.name).filter((name) => name !== null);
    roleClosures.set(session.userId, roles);
  }
  return ['*', session.userId, ...roles.map((name) => 'role:' + name)].sort();
}

const ACL = (alias) => `(${alias}."_rperm" IS NULL OR ${alias}."_rperm" && $PRINCIPALS::text[])`;

// ---- the class model this peer serves (columns it reads) ----

const classes = {
  Deal: { table: '"Deal"', columns: ['title', 'amount', 'stage', 'contact', 'company', 'assignedTo'] },
  Contact: { table: '"Contact"', columns: ['name'] },
  Company: { table: '"Company"', columns: ['name'] },
  _User: { table: '"_User"', columns: ['username'] },
  Activity: { table: '"Activity"', columns: ['type', 'subject', 'createdAt'] },
};
const orderable = { Deal: ['updatedAt', 'createdAt', 'amount', 'title', 'stage', 'expectedCloseDate'],
  Activity: ['createdAt', 'updatedAt', 'dueDate', 'type', 'subject'] };

const selectList = (className, alias) =>
  ['objectId', ...classes[className].columns].map((column) => `${alias}."${column}"`).join(', ');

/// `ORDER BY` from `field_ASC`/`field_DESC` values, objectId as tiebreak in the last key's
/// direction (DealGraph's OrderCompiler).
function orderBy(className, order, alias) {
  const terms = [];
  let last = 'ASC';
  const seen = new Set();
  for (const value of order || []) {
    const match = /^(.*)_(ASC|DESC)$/.exec(value);
    if (!match || !orderable[className].includes(match[1]) && match[1] !== 'objectId') {
      throw new Error(`Cannot order ${className} by ${value}`);
    }
    if (seen.has(match[1])) continue;
    seen.add(match[1]);
    terms.push(`${alias}."${match[1]}" ${match[2]}`);
    last = match[2];
  }
  if (!seen.has('objectId')) terms.push(`${alias}."objectId" ${last}`);
  return terms.join(', ');
}

function pageSize(first) {
  if (first === undefined || first === null) return DEFAULT_LIMIT;
  if (first < 0) throw new Error('Argument first must be a non-negative integer');
  return Math.min(first, MAX_LIMIT);
}

/// Statement names per SQL text, so that every distinct statement is prepared once per connection.
const statementNames = new Map();
function statementName(text) {
  let name = statementNames.get(text);
  if (!name) { name = 'peer' + (statementNames.size + 1); statementNames.set(text, name); }
  return name;
}

/// SQL with `$PRINCIPALS` replaced by its parameter number.
function withPrincipals(text, number) { return text.split('$PRINCIPALS').join('$' + number); }

// ---- batching: DataLoader's scheme, written out ----

/// Collects the keys asked for during one tick (graphql-js resolves all objects of a list level in
/// one pass), then calls `batch(keys)` once; caches each key's promise for the request.
class Batcher {
  constructor(batch) { this.batch = batch; this.cache = new Map(); this.queue = null; }
  load(key) {
    let promise = this.cache.get(key);
    if (promise) return promise;
    if (!this.queue) {
      const queue = this.queue = [];
      Promise.resolve().then(() => process.nextTick(() => this.dispatch(queue)));
    }
    promise = new Promise((resolve, reject) => this.queue.push({ key, resolve, reject }));
    this.cache.set(key, promise);
    return promise;
  }
  dispatch(queue) {
    this.queue = null;
    const keys = queue.map((entry) => entry.key);
    this.batch(keys).then(
      (values) => queue.forEach((entry, index) => entry.resolve(values[index])),
      (error) => queue.forEach((entry) => entry.reject(error)));
  }
}

/// One request's loaders: objects by id per class, reverse connections per (class, pointer, page).
class Loaders {
  constructor(principals) { this.principals = principals; this.loaders = new Map(); }
  loader(key, make) {
    let loader = this.loaders.get(key);
    if (!loader) { loader = new Batcher(make()); this.loaders.set(key, loader); }
    return loader;
  }

  /// Objects of `className` by objectId: one statement per class and tick, null when missing or
  /// unreadable.
  object(className, id) {
    return this.loader('object:' + className, () => async (ids) => {
      const text = `SELECT ${selectList(className, 't')} FROM ${classes[className].table} t ` +
        `WHERE t."objectId" = ANY($1::text[]) AND ${withPrincipals(ACL('t'), 2)}`;
      const rows = await run(statementName(text), text, [[...new Set(ids)], this.principals]);
      const byId = new Map(rows.map((row) => [row.objectId, row]));
      return ids.map((each) => byId.get(each) || null);
    }).load(id);
  }

  /// Objects of `className` whose polymorphic pointer `pointer` is `parentClass`/`parentId`, a
  /// page per parent: one lateral statement for all parents of the tick.
  reverse(className, pointer, parentClass, parentId, order, limit) {
    const signature = `reverse:${className}.${pointer}:${parentClass}:${order.join(',')}:${limit}`;
    return this.loader(signature, () => async (parentIds) => {
      const orderSQL = orderBy(className, order, 't');
      const text = `SELECT p.key, l.* FROM unnest($1::text[]) AS p(key) CROSS JOIN LATERAL ` +
        `(SELECT ${selectList(className, 't')}, row_number() OVER (ORDER BY ${orderSQL}) AS "_rn" ` +
        `FROM ${classes[className].table} t WHERE t."${pointer}" = p.key AND t."_${pointer}_className" = $2 ` +
        `AND ${withPrincipals(ACL('t'), 3)} ORDER BY ${orderSQL} LIMIT $4) l ORDER BY p.key, l."_rn"`;
      const rows = await run(statementName(text), text,
        [[...new Set(parentIds)], parentClass, this.principals, limit]);
      const grouped = new Map();
      for (const row of rows) {
        let list = grouped.get(row.key);
        if (!list) { list = []; grouped.set(row.key, list); }
        list.push(row);
      }
      return parentIds.map((id) => grouped.get(id) || []);
    }).load(parentId);
  }
}

// ---- schema ----

const schema = graphql.buildSchema(`
  enum DealOrder { ${orderable.Deal.flatMap((f) => [f + '_ASC', f + '_DESC']).join(' ')} objectId_ASC objectId_DESC }
  enum ActivityOrder { ${orderable.Activity.flatMap((f) => [f + '_ASC', f + '_DESC']).join(' ')} objectId_ASC objectId_DESC }
  type Query { deals(first: Int, order: [DealOrder!]): DealConnection! }
  type DealConnection { edges: [DealEdge] }
  type DealEdge { node: Deal }
  type Deal {
    objectId: ID!
    title: String!
    amount: Float
    stage: String
    contact: Contact
    company: Company
    assignedTo: User
    activities(first: Int, order: [ActivityOrder!]): ActivityConnection!
  }
  type Contact { objectId: ID! name: String! }
  type Company { objectId: ID! name: String! }
  type User { objectId: ID! username: String! }
  type ActivityConnection { edges: [ActivityEdge] }
  type ActivityEdge { node: Activity }
  type Activity { objectId: ID! type: String subject: String createdAt: String! }
`);

function resolvers(type, fields) {
  const defined = schema.getType(type).getFields();
  for (const [name, resolve] of Object.entries(fields)) defined[name].resolve = resolve;
}
const pointer = (className, column) => (deal, _args, loaders) =>
  deal[column] === null || deal[column] === undefined ? null : loaders.object(className, deal[column]);
const edges = (rows) => ({ edges: rows.map((node) => ({ node })) });

resolvers('Query', {
  deals: async (_root, args, loaders) => {
    const orderSQL = orderBy('Deal', args.order || [], 't');
    const text = `SELECT ${selectList('Deal', 't')} FROM "Deal" t WHERE ${withPrincipals(ACL('t'), 1)} ` +
      `ORDER BY ${orderSQL} LIMIT $2`;
    return edges(await run(statementName(text), text, [loaders.principals, pageSize(args.first)]));
  },
});
resolvers('Deal', {
  contact: pointer('Contact', 'contact'),
  company: pointer('Company', 'company'),
  assignedTo: pointer('_User', 'assignedTo'),
  activities: async (deal, args, loaders) =>
    edges(await loaders.reverse('Activity', 'relatedTo', 'Deal', deal.objectId, args.order || [], pageSize(args.first))),
});
resolvers('Activity', { createdAt: (activity) => isoDate(activity.createdAt) });

// ---- HTTP ----

/// Parsed and validated documents by query text (DealGraph keeps an LRU of prepared documents too).
const documents = new Map();
function prepared(query) {
  let entry = documents.get(query);
  if (entry) return entry;
  let document;
  try {
    document = graphql.parse(query);
  } catch (error) {
    return { errors: [error] };
  }
  const errors = graphql.validate(schema, document);
  entry = errors.length > 0 ? { errors } : { document };
  if (documents.size >= 1000) documents.clear();
  documents.set(query, entry);
  return entry;
}

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
  if (LOGS_REQUESTS) {
    const request = response.req;
    const duration = Number(process.hrtime.bigint() - request.startedAt) / 1e6;
    process.stdout.write(`${new Date().toISOString()} info node-peer: duration_ms=${duration.toFixed(2)} ` +
      `method=${request.method} path=${request.url.split('?')[0]} status=${status} request\n`);
  }
}

async function handle(request, response, body) {
  let payload;
  try {
    payload = JSON.parse(body);
  } catch {
    return send(response, 400, { errors: [{ message: 'Body is not JSON' }] });
  }
  if (typeof payload.query !== 'string') return send(response, 400, { errors: [{ message: 'Missing query' }] });
  const entry = prepared(payload.query);
  if (entry.errors) return send(response, 400, { errors: entry.errors.map((error) => ({ message: error.message })) });
  let principals;
  try {
    principals = await principalsFor(request.headers['x-parse-session-token']);
  } catch (error) {
    if (error instanceof ParseError && error.status === 400) return send(response, 400, { code: error.code, error: error.message });
    if (error instanceof ParseError) return send(response, 200, { data: null, errors: [{ message: error.message, extensions: { code: error.code } }] });
    throw error;
  }
  const result = await graphql.execute({
    schema, document: entry.document, variableValues: payload.variables || undefined,
    operationName: payload.operationName || undefined, contextValue: new Loaders(principals),
  });
  send(response, 200, result.errors ? { ...result, errors: result.errors.map((error) => error.toJSON()) } : result);
}

const server = http.createServer((request, response) => {
  request.startedAt = process.hrtime.bigint();
  const path = request.url.split('?')[0];
  if (request.method === 'GET' && path === '/health') return send(response, 200, { status: 'ok' });
  if (request.method === 'GET' && path === '/debug/statements') return send(response, 200, { statements });
  if (request.method !== 'POST' || path !== '/graphql') return send(response, 404, { error: 'not found' });
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) { send(response, 413, { error: 'body too large' }); request.destroy(); return; }
    chunks.push(chunk);
  });
  request.on('end', () => {
    if (size > MAX_BODY_BYTES) return;
    handle(request, response, Buffer.concat(chunks).toString('utf8')).catch((error) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, { code: 1, error: 'Internal server error.' });
    });
  });
});
server.keepAliveTimeout = 60000;
server.listen(PORT, HOST, () => console.log(`node-peer listening on http://${HOST}:${PORT} (pool ${POOL_SIZE})`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
}

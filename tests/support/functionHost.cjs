// Runs built function bundles the way CloudBase runs a function instance: `main(event, context)` of
// dist/cloudfunctions/<name>/index.js, one invocation at a time, the caller's identity injected into the environment per
// invocation (WX_OPENID, named in WX_CONTEXT_KEYS: node-sdk utils/tcbcontext.js:getCloudbaseContext reads it from there).
// With `inContext`, the identity comes in the context's `environment` (a JSON string, the newer runtime) instead.
// Protocol: one JSON line per call on stdin ({ id, fn, event, openid, inContext }); one JSON line per answer on stdout
// ({ id, result } or { id, error }, and `coldMs` on a function's first call: require + first dispatch; `cpuMs`: the CPU
// time the invocation used, user and system, the function's own compute whatever the machine's load; `rounds` and
// `queryRounds`: its round trips, counted as it sends them).
const http = require('http');
const path = require('path');
const readline = require('readline');

// Round trips counted where the function sends them (issue 25): a request sent while none of this invocation's is in
// flight begins a round; one sent while another is in flight shares it. Requests made together (Promise.all) are all
// sent before any answer can be handled (answers are I/O callbacks, run only once the sends' microtasks are done), so
// this count holds however busy the machine is. A query is a request outside a transaction (no transactionId, not a
// begin, commit or abort).
const counts = { rounds: 0, queryRounds: 0, inFlight: 0, queriesInFlight: 0 };
/** A request leaving: it begins a round when none is in flight (and a query round when no query is). Returns its end. */
function sent(query) {
  if (counts.inFlight++ === 0) counts.rounds++;
  if (query && counts.queriesInFlight++ === 0) counts.queryRounds++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    counts.inFlight--;
    if (query) counts.queriesInFlight--;
  };
}
// Files read back through a temporary URL (cloud storage, _lib/downloads.ts, _lib/files.ts) go by fetch, not http:
// a round trip all the same, and never inside a transaction.
const realFetch = globalThis.fetch;
globalThis.fetch = function countedFetch(...args) {
  const finish = sent(true);
  return realFetch.apply(this, args).finally(finish);
};
const request = http.request;
http.request = function countedRequest(...args) {
  const req = request.apply(this, args);
  if (counts.inFlight++ === 0) counts.rounds++;
  let query = false;
  let text = '';
  const write = req.write;
  req.write = function countedWrite(chunk, ...rest) {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) text += String(chunk);
    return write.call(this, chunk, ...rest);
  };
  const end = req.end;
  req.end = function countedEnd(chunk, ...rest) {
    if (chunk && typeof chunk !== 'function') text += String(chunk);
    query = !/"transactionId"|database\.(startTransaction|commitTransaction|abortTransaction)/.test(text);
    if (query && counts.queriesInFlight++ === 0) counts.queryRounds++;
    return end.call(this, chunk, ...rest);
  };
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    counts.inFlight--;
    if (query) counts.queriesInFlight--;
  };
  req.once('response', (res) => res.once('end', finish).once('close', finish));
  req.once('close', finish);
  return req;
};

const dist = process.argv[2];
const mains = new Map();
let queue = Promise.resolve();

async function invoke({ id, fn, event, openid, inContext }) {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  counts.rounds = 0;
  counts.queryRounds = 0;
  let cold = false;
  if (!mains.has(fn)) {
    cold = true;
    mains.set(fn, require(path.join(dist, fn, 'index.js')).main);
  }
  process.env.WX_CONTEXT_KEYS = 'WX_APPID,WX_OPENID';
  process.env.WX_APPID = 'wx0000000000000000';
  process.env.WX_OPENID = inContext ? '' : openid || '';
  const context = { request_id: `r${id}`, function_name: fn, memory_limit_in_mb: 256, time_limit_in_ms: 10000, function_version: '$LATEST', namespace: 'test-env' };
  if (inContext) context.environment = JSON.stringify({ WX_OPENID: openid || '', WX_APPID: process.env.WX_APPID });
  try {
    const result = await mains.get(fn)(event, context);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    return { id, result, cpuMs: (used.user + used.system) / 1000, rounds: counts.rounds, queryRounds: counts.queryRounds, ...(cold ? { coldMs: Math.round(ms) } : {}) };
  } catch (e) {
    return { id, error: String((e && e.stack) || e) };
  }
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const call = JSON.parse(line);
  queue = queue.then(() => invoke(call)).then((answer) => process.stdout.write(JSON.stringify(answer) + '\n'));
});

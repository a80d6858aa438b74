/**
 * A loopback stand-in for the CloudBase gateway (`http://<env>.tcb-api.tencentcloudapi.com/admin`), for tests that run the
 * real @cloudbase/node-sdk. It records every request the SDK sends and answers the way the gateway answers, over a small
 * in-memory document store (enough of MongoDB's query and update language for what the store port emits).
 *
 * How the SDK is pointed here (node-sdk 3.18.3 source):
 * - `dist/utils/tcbapiendpoint.js:buildUrl` takes `TCB_CONTEXT_CNFG`'s `URL` (via `tcbcontext.js:getServerInjectUrl`, read from
 *   process.env on every request) before the default `https://<env>.tcb-api.tencentcloudapi.com/admin`.
 * - `dist/utils/cloudplatform.js:checkIsInTencentCloud` answers true for `TENCENTCLOUD=true` without probing the metadata
 *   server, so nothing leaves the machine.
 * - `dist/utils/tcbapirequester.js:prepareCredentials` needs TENCENTCLOUD_SECRETID/SECRETKEY (any value: nobody checks the
 *   signature here).
 *
 * Where each answer shape comes from (what the SDK reads out of the reply):
 * - every call: HTTP 200 with a JSON body; a body with `code` is an error reply that `tcbapirequester.js:request` turns into
 *   a thrown TcbError via `utils.js:processReturn` (so `if (res.code) return res` in @cloudbase/database never runs).
 * - database.getDocument → `{ data: { list: [<EJSON string>...] } }` (database `document.js:get`, `query.js:get`).
 * - database.calculateDocument → `{ data: { total } }` (`query.js:count`).
 * - database.insertDocument → `{ data: { insertedIds: [id] } }` (`collection.js:add`, `document.js:create`).
 * - database.modifyDocument → `{ data: { updated, upsert_id } }` (`document.js:update/set`, `query.js:update`); `updated` is
 *   MongoDB's nModified: 0 for a document that does not exist *and* for one the update did not change. The gateway's
 *   `matched` field is not read by the SDK, so it never reaches callers (assumption: we do not send it).
 * - database.removeDocument → `{ data: { deleted } }` (`document.js:remove`).
 * - database.startTransaction → `{ transactionId }`; commit/abort → `{}` (`transaction/index.js:init/commit/rollback`).
 * - duplicate key → `{ code: 'DATABASE_DUPLICATE_WRITE', message: 'E11000 duplicate key error …' }`: the code is documented at
 *   https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE ("index key duplicate, for example inserting data with
 *   same _id"); the message text is MongoDB's (assumption: the gateway passes it through).
 * - transaction conflict → `{ code: 'DATABASE_TRANSACTION_CONFLICT' }`: the code is the one `transaction/index.js:runTransaction`
 *   retries on (database `const/code.js:ERRORS.DATABASE_TRANSACTION_CONFLICT`). Here it is raised at commit when a document the
 *   transaction touched changed since it was first touched (the real server raises it at the conflicting write; either way
 *   the SDK sees a thrown error with that code).
 * - wx.openApi (wx-server-sdk's `cloud.openapi.*`, through its own node-sdk's `wx/index.js:callCompatibleWxOpenApi`): a
 *   multipart form with `apiName` and `requestData` (a protobuf CommApiData holding the arguments as JSON), answered with
 *   a protobuf CommOpenApiResp `{ respData: <WeChat's JSON>, contentType }` (wx-server-sdk `index.js:callGeneralOpenAPI`
 *   decodes it; fields 1 and 2 of its generated `protobuf/openapi.js`). security.msgSecCheck's JSON is WeChat's v2
 *   answer `{ errcode: 0, errmsg: 'ok', result: { suggest, label } }` (WeChat's msgSecCheck documentation).
 * - wxacode.getUnlimited (issue 15's mini-program codes) answers the image itself: a CommOpenApiResp whose respData is the
 *   PNG and contentType `image/png` (wx-server-sdk `index.js:callWXOpenAPI` hands back `{ contentType, buffer }` for any
 *   answer that is not JSON); WeChat's refusal is its JSON `{ errcode, errmsg }` (e.g. 41030 invalid page), which the SDK throws.
 * - storage.getUploadMetadata → `{ data: { url, token, authorization, fileId, cosFileId } }`, then the SDK PUTs the bytes to
 *   `url` (COS), which answers an empty body on success (node-sdk `storage/index.js:uploadFile`); served here under /upload/.
 * - storage.batchGetDownloadUrl → `{ data: { download_list: [{ fileID, tempFileURL, code: 'SUCCESS' }] } }` and
 *   storage.batchDeleteFile → `{ data: { delete_list: [{ fileID, code: 'SUCCESS' }] } }` (node-sdk `storage/index.js:
 *   getTempFileURL/getFileInfo/deleteFile`). The temporary URL is served here too, with HTTP Range support like COS.
 */
import http from 'http';
import type { AddressInfo } from 'net';
// The very EJSON the SDK serialises with (@cloudbase/database depends on bson 4).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { EJSON, BSONRegExp } = require('bson') as typeof import('bson');

export type Json = Record<string, any>;
export interface WireRequest {
  action: string;
  /** The body the SDK posted, minus its transport fields; EJSON strings (`query`, `data`, `order`) parsed. */
  body: Json;
  /** The same fields as sent: EJSON strings left as strings (assert these for exact BSON types such as regular expressions). */
  raw: Json;
  headers: http.IncomingHttpHeaders;
  url: string;
}
export interface FileRequest {
  path: string;
  range?: string;
}
type Doc = Json & { _id: string };
type Reply = Json | ((req: WireRequest) => Json | undefined);

const TRANSPORT = ['envName', 'wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'sessionToken', 'crossAuthorizationToken', 'instance', 'database'];
const EJSON_FIELDS = ['query', 'data', 'order', 'projection'];

export const DUPLICATE_KEY = (coll: string, id: string): Json => ({
  code: 'DATABASE_DUPLICATE_WRITE',
  message: `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`,
});
export const TRANSACTION_CONFLICT: Json = { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' };

interface Tx {
  /** Writes staged until commit: a document, or null for a removal. */
  writes: Map<string, Doc | null>;
  /** The version of each document when the transaction first touched it. */
  seen: Map<string, number>;
}

export class FakeGateway {
  readonly requests: WireRequest[] = [];
  readonly fileRequests: FileRequest[] = [];
  readonly collections = new Map<string, Map<string, Doc>>();
  readonly files = new Map<string, Buffer>();
  private readonly versions = new Map<string, number>();
  private readonly txs = new Map<string, Tx>();
  private readonly injected: { action: string; reply: Reply; times: number }[] = [];
  private server!: http.Server;
  /** WeChat's msgSecCheck verdict for a text (the answer's `result.suggest`); null fails the call as a missing permission would. */
  msgSecCheck: (content: string) => 'pass' | 'review' | 'risky' | null = () => 'pass';
  /**
   * WeChat's answer to wxacode.getUnlimited for its arguments (read off the wire): the image, or WeChat's error JSON.
   * By default a PNG that names the scene in a text chunk, so tests can tell codes apart.
   */
  wxacode: (args: { scene: string; page: string }) => Buffer | { errcode: number; errmsg: string } = ({ scene }) => fakePng(scene);
  /** When set, the file server answers every GET with the whole file (200), as a server without Range support would. */
  ignoreRange = false;
  /** Bytes of file content the file server has sent since the last reset. */
  fileBytesSent = 0;
  private txSeq = 0;
  private idSeq = 0;
  url = '';
  /**
   * Simulated network latency (issue 25): every request is answered `minMs`–`maxMs` after it arrived (uniform, from a
   * seeded generator, so a run is repeatable); equal bounds for a fixed delay. Null: answered at once.
   */
  latency: { minMs: number; maxMs: number; seed?: number } | null = null;
  /** Sequential rounds since the last `clearLog`: a request that arrives while none is in flight begins a new one. */
  rounds = 0;
  /** The same, counting only queries: requests outside a transaction (a transaction's operations are single documents). */
  queryRounds = 0;
  /** The simulated network's share of the time since the last `clearLog`: each round's longest delay, added up. */
  networkMs = 0;
  private roundDelay = 0;
  private inFlight = 0;
  private queriesInFlight = 0;
  private jitterState = 1;

  /** Sets (or clears) the per-request delay; `seed` restarts the jitter's sequence. */
  setLatency(latency: { minMs: number; maxMs: number; seed?: number } | null): void {
    this.latency = latency;
    this.jitterState = latency?.seed ?? 1;
  }

  /** The next request's delay in ms (0 without latency). */
  private nextDelay(): number {
    const l = this.latency;
    if (!l || l.maxMs <= 0) return 0;
    // xorshift32: repeatable jitter without Math.random.
    let x = this.jitterState;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.jitterState = x >>> 0 || 1;
    return l.minMs + ((this.jitterState % 10_000) / 10_000) * (l.maxMs - l.minMs);
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.arrive(req, res));
    // Idle keep-alive sockets stay open for the run (Node closes them after 5 s): a function host whose event loop is
    // busy on a loaded machine may otherwise take a socket the gateway has just closed, and its request fails with
    // ECONNRESET (the SDK's agent keeps up to 100 sockets, which requests sent together use). stop() closes them all.
    this.server.keepAliveTimeout = 10 * 60_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The environment the SDK reads: the gateway's URL, fake credentials, no metadata probe. */
  env(): Record<string, string> {
    return {
      TENCENTCLOUD: 'true',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.url}/admin` }),
      TENCENTCLOUD_SECRETID: 'AKIDfakegateway',
      TENCENTCLOUD_SECRETKEY: 'fakegatewaykey',
      TCB_ENV: 'test-env',
      SCF_NAMESPACE: 'test-env',
    };
  }

  /** Answers the next `times` calls of `action` with `reply` (or with what the function returns, when it returns something). */
  inject(action: string, reply: Reply, times = 1): void {
    this.injected.push({ action, reply, times });
  }

  /** The recorded database calls of one action (transport fields dropped). */
  calls(action: string): Json[] {
    return this.requests.filter((r) => r.action === action).map((r) => r.body);
  }

  clearLog(): void {
    this.requests.length = 0;
    this.fileRequests.length = 0;
    this.rounds = 0;
    this.queryRounds = 0;
    this.networkMs = 0;
  }

  reset(): void {
    this.clearLog();
    this.collections.clear();
    this.versions.clear();
    this.txs.clear();
    this.injected.length = 0;
    this.files.clear();
    this.ignoreRange = false;
    this.fileBytesSent = 0;
    this.wxacode = ({ scene }) => fakePng(scene);
  }

  seed(collection: string, docs: Doc[]): void {
    for (const d of docs) this.put(collection, structuredClone(d));
  }

  doc(collection: string, id: string): Doc | undefined {
    return this.collections.get(collection)?.get(id);
  }

  /**
   * Counts the request into the rounds as it arrives, then serves it after the simulated latency (a network's delay both
   * ways, folded into one wait). A query is a request outside any transaction (a read, a count, a write on its own); a
   * transaction's begin, operations and commit are not.
   */
  private async arrive(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('latin1');
    const query = !/"transactionId"|database\.(startTransaction|commitTransaction|abortTransaction)/.test(text);
    const ms = this.nextDelay();
    if (this.inFlight++ === 0) {
      this.rounds++;
      this.roundDelay = 0;
    }
    this.roundDelay = Math.max(this.roundDelay, ms);
    if (query && this.queriesInFlight++ === 0) this.queryRounds++;
    res.once('close', () => {
      if (--this.inFlight === 0) this.networkMs += this.roundDelay;
      if (query) this.queriesInFlight--;
    });
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    return this.handle(req, res, chunks);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse, chunks: Buffer[]): Promise<void> {
    const url = req.url ?? '';
    if (url.startsWith('/files/')) return this.serveFile(url, req, res);
    if (url.startsWith('/upload/') && req.method === 'PUT') {
      const path = decodeURIComponent(url.slice('/upload/'.length).split('?')[0]);
      this.files.set(path, Buffer.concat(chunks));
      this.fileRequests.push({ path: `PUT ${path}` });
      res.writeHead(200, { 'content-length': 0 }).end();
      return;
    }
    let reply: Json;
    let wire: WireRequest | null = null;
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) return this.openApi(Buffer.concat(chunks), type, req, res);
    try {
      const raw = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Json;
      const body: Json = {};
      const sent: Json = {};
      for (const [k, v] of Object.entries(raw)) {
        if (TRANSPORT.includes(k) || k === 'action') continue;
        sent[k] = v;
        body[k] = EJSON_FIELDS.includes(k) && typeof v === 'string' ? EJSON.parse(v, { relaxed: true }) : v;
      }
      wire = { action: raw.action, body, raw: sent, headers: req.headers, url };
      this.requests.push(wire);
      reply = this.injectedReply(wire) ?? this.answer(wire);
    } catch (e) {
      reply = { code: 'SYS_ERR', message: `fake gateway: ${(e as Error).message}` };
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ requestId: `req-${this.requests.length}`, ...reply }));
  }

  /** wx.openApi: records `{ apiName, requestText }` (the protobuf's bytes as text, where the JSON arguments can be read). */
  private openApi(body: Buffer, type: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const boundary = /boundary=(.+)$/.exec(type)![1];
    const fields: Record<string, Buffer> = {};
    const text = body.toString('latin1');
    for (const part of text.split(`--${boundary}`)) {
      const m = /name="([^"]+)"[^\r]*\r\n(?:[^\r]+\r\n)*\r\n([\s\S]*)\r\n$/.exec(part);
      if (m) fields[m[1]] = Buffer.from(m[2], 'latin1');
    }
    const action = fields.action?.toString() ?? '';
    const apiName = fields.apiName?.toString() ?? '';
    const requestText = fields.requestData?.toString('utf8') ?? '';
    const wire: WireRequest = { action, body: { apiName, requestText }, raw: { apiName }, headers: req.headers, url: req.url ?? '' };
    this.requests.push(wire);
    const injected = this.injectedReply(wire);
    const content = /"?content"?[^"]*"((?:[^"\\]|\\.)*)"/.exec(requestText);
    const suggest = apiName === 'security.msgSecCheck' && content ? this.msgSecCheck(JSON.parse(`"${content[1]}"`)) : null;
    if (!injected && apiName === 'wxacode.getUnlimited') {
      const field = (key: string) => {
        const m = new RegExp(`${key}[\\s\\S]{1,3}?"((?:[^"\\\\]|\\\\.)*)"`).exec(requestText);
        return m ? (JSON.parse(`"${m[1]}"`) as string) : '';
      };
      const answer = this.wxacode({ scene: field('scene'), page: field('page') });
      if (Buffer.isBuffer(answer)) return this.openApiBytes(res, answer, 'image/png');
      return this.openApiAnswer(res, answer);
    }
    // subscribeMessage.send (issue 15's sender): WeChat's `{ errcode: 0, errmsg: 'ok' }`.
    if (!injected && apiName === 'subscribeMessage.send') return this.openApiAnswer(res, { errcode: 0, errmsg: 'ok' });
    if (injected || suggest === null) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(injected ?? { code: 'PERMISSION_DENIED', message: `no openapi permission for ${apiName}` }));
      return;
    }
    const json = Buffer.from(JSON.stringify({ errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20001 }, detail: [] }));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { Writer } = require('protobufjs/minimal');
    const pb: Uint8Array = Writer.create().uint32(10).bytes(json).uint32(18).string('application/json; charset=utf-8').finish();
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from(pb));
  }

  /** A CommOpenApiResp carrying WeChat's JSON answer. */
  private openApiAnswer(res: http.ServerResponse, answer: Json): void {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { Writer } = require('protobufjs/minimal');
    const pb: Uint8Array = Writer.create().uint32(10).bytes(Buffer.from(JSON.stringify(answer))).uint32(18).string('application/json; charset=utf-8').finish();
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from(pb));
  }

  /** A CommOpenApiResp carrying bytes that are not JSON (an image). */
  private openApiBytes(res: http.ServerResponse, bytes: Buffer, contentType: string): void {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { Writer } = require('protobufjs/minimal');
    const pb: Uint8Array = Writer.create().uint32(10).bytes(bytes).uint32(18).string(contentType).finish();
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from(pb));
  }

  private injectedReply(wire: WireRequest): Json | undefined {
    const i = this.injected.findIndex((x) => x.action === wire.action);
    if (i < 0) return undefined;
    const hit = this.injected[i];
    const reply = typeof hit.reply === 'function' ? hit.reply(wire) : hit.reply;
    if (reply === undefined) return undefined;
    if (--hit.times <= 0) this.injected.splice(i, 1);
    return reply;
  }

  private serveFile(url: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    // The node SDK's downloadFile passes the temporary URL through encodeURI, which encodes our `%2F` once more.
    let path = decodeURIComponent(url.slice('/files/'.length).split('?')[0]);
    if (/%2F/i.test(path)) path = decodeURIComponent(path);
    this.fileRequests.push({ path, range: req.headers.range });
    const bytes = this.files.get(path);
    if (!bytes) {
      res.writeHead(404).end();
      return;
    }
    const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (m && !this.ignoreRange) {
      const start = Number(m[1]);
      const end = Math.min(m[2] ? Number(m[2]) : bytes.length - 1, bytes.length - 1);
      res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': end - start + 1, 'accept-ranges': 'bytes' });
      this.fileBytesSent += end - start + 1;
      res.end(bytes.subarray(start, end + 1));
      return;
    }
    res.writeHead(200, { 'content-length': bytes.length });
    // Streamed in chunks, so a client that stops reading does not get (or cost) the whole file.
    let at = 0;
    const pump = () => {
      while (at < bytes.length) {
        const chunk = bytes.subarray(at, at + 64 * 1024);
        at += chunk.length;
        this.fileBytesSent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (at = bytes.length));
    pump();
  }

  // ——— the document store ———

  private coll(name: string): Map<string, Doc> {
    let c = this.collections.get(name);
    if (!c) this.collections.set(name, (c = new Map()));
    return c;
  }
  private put(collection: string, doc: Doc): void {
    this.coll(collection).set(doc._id, doc);
    const key = `${collection}/${doc._id}`;
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }
  private drop(collection: string, id: string): void {
    this.coll(collection).delete(id);
    const key = `${collection}/${id}`;
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }

  /** The document as the transaction `tx` (if any) sees it. */
  private read(collection: string, id: string, tx?: Tx): Doc | undefined {
    const key = `${collection}/${id}`;
    if (tx) {
      if (!tx.seen.has(key)) tx.seen.set(key, this.versions.get(key) ?? 0);
      if (tx.writes.has(key)) return tx.writes.get(key) ?? undefined;
    }
    return this.coll(collection).get(id);
  }
  private write(collection: string, id: string, doc: Doc | null, tx?: Tx): void {
    if (tx) {
      const key = `${collection}/${id}`;
      if (!tx.seen.has(key)) tx.seen.set(key, this.versions.get(key) ?? 0);
      tx.writes.set(key, doc);
    } else if (doc) this.put(collection, doc);
    else this.drop(collection, id);
  }

  private tx(body: Json): Tx | undefined {
    if (!body.transactionId) return undefined;
    const tx = this.txs.get(body.transactionId);
    if (!tx) throw new Error(`unknown transaction ${body.transactionId}`);
    return tx;
  }

  private answer({ action, body }: WireRequest): Json {
    const coll = body.collectionName as string;
    switch (action) {
      case 'database.startTransaction': {
        const id = `tx${++this.txSeq}`;
        this.txs.set(id, { writes: new Map(), seen: new Map() });
        return { transactionId: id };
      }
      case 'database.commitTransaction': {
        const tx = this.tx(body)!;
        this.txs.delete(body.transactionId);
        for (const [key, v] of tx.seen) if ((this.versions.get(key) ?? 0) !== v) return TRANSACTION_CONFLICT;
        for (const [key, doc] of tx.writes) {
          const [c, ...rest] = key.split('/');
          if (doc) this.put(c, doc);
          else this.drop(c, rest.join('/'));
        }
        return {};
      }
      case 'database.abortTransaction':
        this.txs.delete(body.transactionId);
        return {};
      case 'database.insertDocument': {
        const tx = this.tx(body);
        const ids: string[] = [];
        for (const s of body.data as string[]) {
          const doc = EJSON.parse(s, { relaxed: true }) as Doc;
          if (doc._id === undefined) doc._id = `gen${++this.idSeq}`;
          if (this.read(coll, doc._id, tx)) return DUPLICATE_KEY(coll, doc._id);
          this.write(coll, doc._id, doc, tx);
          ids.push(doc._id);
        }
        return { data: { insertedIds: ids } };
      }
      case 'database.getDocument': {
        const tx = this.tx(body);
        let docs = this.select(coll, body.query ?? {}, tx);
        if (body.order) docs = sortDocs(docs, body.order as Record<string, 1 | -1>);
        docs = docs.slice(body.offset ?? 0, (body.offset ?? 0) + (body.limit ?? 100));
        if (body.projection && Object.keys(body.projection).length) docs = docs.map((d) => project(d, body.projection as Record<string, number>));
        // Plain JSON where the document holds nothing else (what the store port writes), which EJSON reads the same way;
        // EJSON's canonical form otherwise. (The gateway's own time is not CloudBase's: keep it out of the measure.)
        return { data: { list: docs.map((d) => (plainJson(d) ? JSON.stringify(d) : EJSON.stringify(d, { relaxed: false }))) } };
      }
      case 'database.calculateDocument':
        return { data: { total: this.select(coll, body.query ?? {}).length } };
      case 'database.modifyDocument': {
        const tx = this.tx(body);
        const targets = this.select(coll, body.query ?? {}, tx);
        let updated = 0;
        let upsertId: string | undefined;
        for (const doc of body.multi ? targets : targets.slice(0, 1)) {
          const next = body.merge ? applyUpdate(doc, body.data) : { ...structuredClone(body.data), _id: doc._id };
          if (JSON.stringify(next) !== JSON.stringify(doc)) {
            this.write(coll, doc._id, next, tx);
            updated++;
          }
        }
        if (targets.length === 0 && body.upsert) {
          const id = (body.query as Json)._id as string;
          this.write(coll, id, { ...structuredClone(body.data), _id: id }, tx);
          upsertId = id;
        }
        return { data: { updated, upsert_id: upsertId } };
      }
      case 'database.removeDocument': {
        const tx = this.tx(body);
        const targets = this.select(coll, body.query ?? {}, tx);
        const gone = body.multi ? targets : targets.slice(0, 1);
        for (const d of gone) this.write(coll, d._id, null, tx);
        return { data: { deleted: gone.length } };
      }
      case 'storage.batchGetDownloadUrl':
        return {
          data: {
            download_list: (body.file_list as { fileid: string }[]).map(({ fileid }) => {
              const path = fileid.replace(/^cloud:\/\/[^/]+\//, '');
              return this.files.has(path)
                ? { fileID: fileid, tempFileURL: `${this.url}/files/${encodeURIComponent(path)}?sign=x`, code: 'SUCCESS' }
                : { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
            }),
          },
        };
      case 'storage.getUploadMetadata': {
        const path = body.path as string;
        return { data: { url: `${this.url}/upload/${encodeURIComponent(path)}`, token: 'fake-token', authorization: 'fake-authorization', fileId: `cloud://test-env.7465/${path}`, cosFileId: 'fake-cos-id' } };
      }
      case 'storage.batchDeleteFile':
        return {
          data: {
            delete_list: (body.fileid_list as string[]).map((fileid) => {
              this.files.delete(fileid.replace(/^cloud:\/\/[^/]+\//, ''));
              return { fileID: fileid, code: 'SUCCESS' };
            }),
          },
        };
      default:
        return { code: 'INVALID_ACTION', message: `fake gateway does not serve ${action}` };
    }
  }

  private select(collection: string, query: Json, tx?: Tx): Doc[] {
    if (typeof query._id === 'string' && Object.keys(query).length === 1) {
      const d = this.read(collection, query._id, tx);
      return d ? [d] : [];
    }
    // Reads by id go through the _id index, as the database's do: only the named documents are looked at.
    const byId = query._id as Json | string | undefined;
    const named = typeof byId === 'string' ? [byId] : byId && typeof byId === 'object' && Array.isArray(byId.$in) && Object.keys(byId).length === 1 ? (byId.$in as string[]) : null;
    const ids = new Set(named ?? this.coll(collection).keys());
    if (tx) for (const key of tx.writes.keys()) if (key.startsWith(`${collection}/`)) ids.add(key.slice(collection.length + 1));
    const out: Doc[] = [];
    for (const id of ids) {
      const d = tx ? this.read(collection, id, tx) : this.coll(collection).get(id);
      if (d && matches(d, query)) out.push(d);
    }
    return out;
  }
}

/** Whether a stored document is plain JSON (strings, finite numbers, booleans, null, arrays, plain objects). */
function plainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(plainJson);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as Json).every(plainJson);
  return false;
}

/** MongoDB's inclusion projection (`{ field: 1 }`, dotted paths allowed); `_id` always comes. */
function project(doc: Doc, projection: Record<string, number>): Doc {
  const out: Json = { _id: doc._id };
  for (const [path, on] of Object.entries(projection)) if (on) {
    const v = getPath(doc, path);
    if (v !== undefined) setPath(out, path, structuredClone(v));
  }
  return out as Doc;
}

/** A 1×1 PNG with a tEXt chunk holding `note` (CRCs are not checked by anything here). */
export function fakePng(note: string): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`scene\0${note}`, 'latin1')),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function startFakeGateway(): Promise<FakeGateway> {
  return new FakeGateway().start();
}

// ——— MongoDB's query and update semantics, the subset the SDK emits ———

function getPath(doc: unknown, path: string): unknown {
  let node: any = doc;
  for (const p of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[p];
  }
  return node;
}

function cmp(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return NaN;
}

function eq(v: unknown, x: unknown): boolean {
  if (Array.isArray(v) && !Array.isArray(x)) return v.some((e) => eq(e, x));
  if (x === null) return v === null || v === undefined;
  if (typeof x !== 'object' || typeof v !== 'object' || v === null) return v === x;
  return JSON.stringify(v) === JSON.stringify(x);
}

function regexTest(v: unknown, re: InstanceType<typeof BSONRegExp> | RegExp): boolean {
  const r = re instanceof RegExp ? re : new RegExp(re.pattern, re.options);
  return Array.isArray(v) ? v.some((e) => typeof e === 'string' && r.test(e)) : typeof v === 'string' && r.test(v);
}

function fieldMatches(v: unknown, cond: unknown): boolean {
  if (cond instanceof BSONRegExp || cond instanceof RegExp) return regexTest(v, cond);
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond) || !Object.keys(cond).some((k) => k.startsWith('$'))) return eq(v, cond);
  return Object.entries(cond as Json).every(([op, x]) => {
    switch (op) {
      case '$eq':
        return eq(v, x);
      case '$ne':
        return !eq(v, x);
      case '$gt':
        return cmp(v, x) > 0;
      case '$gte':
        return cmp(v, x) >= 0;
      case '$lt':
        return cmp(v, x) < 0;
      case '$lte':
        return cmp(v, x) <= 0;
      case '$in':
        return (x as unknown[]).some((e) => eq(v, e));
      case '$nin':
        return !(x as unknown[]).some((e) => eq(v, e));
      case '$all':
        return Array.isArray(v) && (x as unknown[]).every((e) => v.some((y) => eq(y, e)));
      case '$exists':
        return (v !== undefined) === Boolean(x);
      case '$not':
        return !fieldMatches(v, x);
      case '$regex':
        return regexTest(v, new RegExp(x as string, (cond as Json).$options ?? ''));
      case '$options':
        return true;
      case '$and':
        return (x as unknown[]).every((c) => fieldMatches(v, c));
      case '$or':
        return (x as unknown[]).some((c) => fieldMatches(v, c));
      default:
        throw new Error(`fake gateway: query operator ${op} not served`);
    }
  });
}

export function matches(doc: Doc, query: Json): boolean {
  return Object.entries(query).every(([k, c]) => {
    if (k === '$and') return (c as Json[]).every((q) => matches(doc, q));
    if (k === '$or') return (c as Json[]).some((q) => matches(doc, q));
    return fieldMatches(getPath(doc, k), c);
  });
}

/** `order` as the SDK sends it (query.js:orderBy → `{ field: 1 | -1, … }` in call order). */
function sortDocs(docs: Doc[], order: Record<string, 1 | -1>): Doc[] {
  return [...docs].sort((a, b) => {
    for (const [field, direction] of Object.entries(order)) {
      const c = cmp(getPath(a, field), getPath(b, field));
      if (c) return direction === -1 ? -c : c;
    }
    return 0;
  });
}

function setPath(doc: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = doc;
  for (const p of parts.slice(0, -1)) {
    if (typeof node[p] !== 'object' || node[p] === null) node[p] = {};
    node = node[p];
  }
  if (value === undefined) delete node[parts[parts.length - 1]];
  else node[parts[parts.length - 1]] = value;
}

export function applyUpdate(doc: Doc, update: Json): Doc {
  const next = structuredClone(doc);
  for (const [op, fields] of Object.entries(update)) {
    for (const [path, v] of Object.entries(fields as Json)) {
      if (op === '$set') setPath(next, path, structuredClone(v));
      else if (op === '$unset') setPath(next, path, undefined);
      else if (op === '$inc') setPath(next, path, ((getPath(next, path) as number) ?? 0) + (v as number));
      else if (op === '$push') setPath(next, path, [...((getPath(next, path) as unknown[]) ?? []), ...((v as Json).$each ?? [v])]);
      else throw new Error(`fake gateway: update operator ${op} not served`);
    }
  }
  return next;
}

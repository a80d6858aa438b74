/**
 * Issue 10, findings 1 and 2: nothing a client sends stops the local server. Each request goes to the real server
 * over a raw socket (so malformed request lines reach it as sent); afterwards the SAME process and server still answer.
 */
import net from 'net';
import { startHarness, type Harness } from '../support/harness';
import { rawAnswerOf, rawExchange } from '../support/rawRequest';

let h: Harness;
let port: number;
beforeAll(async () => {
  h = await startHarness({ seed: true });
  port = Number(new URL(h.url).port);
});
afterAll(() => h.close());

/** Sends raw bytes, returns what came back (status line first) once the server closes or goes quiet. */
function rawRequest(bytes: string | Buffer, quietMs = 1500): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let data = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(data);
    };
    let timer = setTimeout(done, quietMs);
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      clearTimeout(timer);
      timer = setTimeout(done, 150);
    });
    socket.on('close', done);
    socket.on('error', done);
  });
}
const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
const bodyOf = (response: string) => JSON.parse(Buffer.from(response.slice(response.indexOf('\r\n\r\n') + 4), 'latin1').toString('utf8'));

async function stillServes() {
  const { status, body } = await h.call('catalogue', 'search', { limit: 1 });
  expect(status).toBe(200);
  expect(body.ok).toBe(true);
}

test('the requests from the issue are answered 400 in the envelope, and the same server still answers', async () => {
  const pid = process.pid;
  for (const line of ['POST /api/% HTTP/1.1', 'POST /api/%E0%A4%A HTTP/1.1', 'GET //[ HTTP/1.1', 'GET /%E0%A4%A HTTP/1.1']) {
    const response = await rawRequest(`${line}\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect([line, statusOf(response)]).toEqual([line, 400]);
    const body = bodyOf(response);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    await stillServes();
  }
  expect(process.pid).toBe(pid);
  expect(h.drainErrors()).toEqual([]);
});

test('a corpus of malformed request lines, targets and headers: every one answered 4xx or closed, none kills the server', async () => {
  jest.setTimeout(60_000);
  const lines = [
    'GET //[ HTTP/1.1',
    'GET / HTTP/9.9',
    'GET  HTTP/1.1',
    'GET',
    '\u0000\u0001\u0002 / HTTP/1.1',
    'GET /\u0000 HTTP/1.1',
    'GET /\r HTTP/1.1',
    'GET http://evil.example/api/auth HTTP/1.1',
    'GET * HTTP/1.1',
    'OPTIONS * HTTP/1.1',
    'CONNECT evil.example:443 HTTP/1.1',
    'GET /%%%% HTTP/1.1',
    'GET /%ZZ HTTP/1.1',
    'GET /..%2f..%2f..%2fetc%2fpasswd HTTP/1.1',
    'GET /api/%C0%AE%C0%AE HTTP/1.1',
    'POST /api/%FF%FE HTTP/1.1',
    'POST /api/auth%00 HTTP/1.1',
    'POST /api/ HTTP/1.1',
    'POST /api//auth HTTP/1.1',
    'POST /api/upload/%E0%A4%A HTTP/1.1',
    'POST /api/upload?x=%E0%A4%A HTTP/1.1',
    `GET /${'a'.repeat(9000)} HTTP/1.1`,
    'BREW /api/auth HTTP/1.1',
    'DELETE /api/auth HTTP/1.1',
  ];
  const headerSets = [
    'Host: localhost\r\nContent-Length: -1',
    'Host: localhost\r\nContent-Length: abc',
    'Host: localhost\r\nContent-Length: 1\r\nContent-Length: 2',
    'Host: localhost\r\nTransfer-Encoding: chunked\r\nContent-Length: 3',
    'Host: localhost\r\nTransfer-Encoding: gzip, chunked',
    'Host: localhost\r\nAuthorization: Bearer \u00ff\u00fe\u0000',
    'Host: localhost\r\nAuthorization: ' + 'x'.repeat(20000),
    'Host: localhost\r\nX-Forwarded-For: %E0%A4%A, [::',
    'Host: localhost\r\nBad Header Name: x',
    'Host: localhost\r\n: empty-name',
    'Host: localhost\r\nContent-Type: application/json; charset=%E0',
    `Host: localhost\r\n${Array.from({ length: 3000 }, (_, i) => `X-${i}: y`).join('\r\n')}`,
  ];
  const bodies = ['', '{}', '{"action":', '\u0000\u0001', '{"action":"search","__proto__":{"x":1}}'];
  const requests: string[] = [];
  for (const line of lines) requests.push(`${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  for (const headers of headerSets)
    for (const target of ['POST /api/catalogue', 'POST /api/upload', 'GET /'])
      requests.push(`${target} HTTP/1.1\r\n${headers}\r\nConnection: close\r\n\r\n`);
  for (const body of bodies) requests.push(`POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${Buffer.byteLength(body) + 5}\r\nConnection: close\r\n\r\n${body}`);
  requests.push('POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n');
  requests.push('\r\n\r\n\r\n');
  requests.push(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00]).toString('latin1'));

  const statuses = new Map<number, number>();
  for (const request of requests) {
    const response = await rawRequest(request, 300);
    const status = statusOf(response);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    // Answered with a client error, or (a half-sent body) closed without an answer — never a 5xx.
    expect(status === 0 || (status >= 400 && status < 500) || status === 503).toBe(true);
  }
  await stillServes();
  expect(statuses.get(400)).toBeGreaterThan(30);
  expect(h.drainErrors()).toEqual([]);
  expect(await h.invariants()).toEqual([]);
});

test('a chunked upload over 20 MB is answered 413, leaves no partial file, and the server lives on', async () => {
  const fs = await import('fs');
  const invite = await h.ok('admin', 'createInvite', { role: 'applicant', orgName: '上传测试律师事务所' }, 'test-admin-token-0123456789');
  const token = await h.citizen();
  await h.ok('auth', 'redeemInvite', { code: invite.inviteCode }, token);

  const before = fs.readdirSync(h.app.files.dir).length;
  const chunk = Buffer.alloc(1024 * 1024, 0x41);
  const response = await new Promise<string>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (c) => (data += c.toString('latin1')));
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(data));
    socket.write(`POST /api/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    let sent = 0;
    const pump = () => {
      while (sent < 24) {
        sent++;
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        const ok = socket.write('\r\n');
        if (!ok) return void socket.once('drain', pump);
      }
      socket.write('0\r\n\r\n');
    };
    pump();
  });
  expect([statusOf(response), response.slice(0, 300), h.drainErrors()]).toEqual([413, expect.anything(), []]);
  expect(bodyOf(response).error.message).toContain('20 MB');
  await new Promise((r) => setTimeout(r, 200));
  expect(fs.readdirSync(h.app.files.dir).length).toBe(before);
  await stillServes();
  // An upload cut off half way: no partial file either.
  await new Promise<void>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`POST /api/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nTransfer-Encoding: chunked\r\n\r\n`);
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk, () => setTimeout(() => (socket.destroy(), resolve()), 100));
    });
  });
  await new Promise((r) => setTimeout(r, 300));
  expect(fs.readdirSync(h.app.files.dir).length).toBe(before);
  await stillServes();
  expect(h.drainErrors()).toEqual([]);
});

test('a client that vanishes mid-body is not an internal error', async () => {
  await new Promise<void>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write('POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n{"action":');
      setTimeout(() => (socket.destroy(), resolve()), 100);
    });
  });
  await new Promise((r) => setTimeout(r, 100));
  await stillServes();
  expect(h.drainErrors()).toEqual([]);
});

test('security headers on every API answer, including the parser’s own 400', async () => {
  const responses = [
    await rawRequest('POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nContent-Length: 17\r\nConnection: close\r\n\r\n{"action":"search"}'.replace('17', '19')),
    await rawRequest('POST /api/% HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
    await rawRequest('GET //[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
    await rawRequest('\u0000 / HTTP/1.1\r\n\r\n'),
  ];
  expect(responses.map(statusOf)).toEqual([200, 400, 400, 400]);
  for (const r of responses) {
    const head = r.slice(0, r.indexOf('\r\n\r\n')).toLowerCase();
    expect(head).toContain("content-security-policy: default-src 'none'; frame-ancestors 'none'");
    expect(head).toContain('x-content-type-options: nosniff');
    expect(head).toContain('referrer-policy: same-origin');
    expect(head).toContain('x-frame-options: deny');
  }
});

/**
 * Issue 21, item 7: the HTTP layer cannot be held. A second server with short bounds (the same code, only the numbers
 * of `HTTP_LIMITS` shortened so the test does not wait minutes): declared lengths over the limit refused before the
 * body, slow headers and slow or stalled bodies cut with 408, a per-address connection cap, each answer in the
 * envelope, and the server serving afterwards.
 */
describe('bounds on what a client may hold (issue 21)', () => {
  const LIMITS = { headersTimeoutMs: 600, apiBodyTimeoutMs: 1500, uploadBodyTimeoutMs: 2000, bodyIdleTimeoutMs: 500, connectionsPerAddress: 6, lingerMs: 300, checkIntervalMs: 100 };
  let s: Harness;
  let applicantToken: string;
  beforeAll(async () => {
    s = await startHarness({ http: LIMITS });
    const invite = await s.ok('admin', 'createInvite', { role: 'applicant', orgName: '界限测试律师事务所' }, 'test-admin-token-0123456789');
    applicantToken = await s.citizen();
    await s.ok('auth', 'redeemInvite', { code: invite.inviteCode }, applicantToken);
  });
  afterAll(() => s.close());
  const serves = async () => {
    const { status, body } = await s.call('catalogue', 'search', { limit: 1 });
    expect([status, body.ok]).toEqual([200, true]);
  };
  const envelopeOf = (text: string) => {
    const a = rawAnswerOf(text);
    expect(a.head.toLowerCase()).toContain('content-type: application/json');
    expect(a.head.toLowerCase()).toContain('connection: close');
    expect(a.body?.ok).toBe(false);
    return a;
  };

  test('a declared body over the limit is answered 413 before any of it is sent, and the connection closed', async () => {
    // The API (256 KB): a terabyte announced, not one byte of it sent.
    const api = await rawExchange(s.url, ['POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n'], 3000);
    const a = envelopeOf(api.text);
    expect([a.status, a.body.error.code, a.body.error.message]).toEqual([413, 'INVALID_INPUT', '请求内容超过 256 KB，请精简后再提交']);
    expect(api.answeredAfterMs).toBeLessThan(1000);
    expect(api.closedAfterMs).not.toBeNull();
    // One byte over the limit, declared: refused the same way; exactly the limit is read.
    const over = await rawExchange(s.url, [`POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${256 * 1024 + 1}\r\n\r\n`], 3000);
    expect(rawAnswerOf(over.text).status).toBe(413);
    const atLimit = JSON.stringify({ action: 'search', q: 'law' }).padEnd(256 * 1024, ' ');
    const exact = await rawExchange(s.url, [`POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${Buffer.byteLength(atLimit)}\r\nConnection: close\r\n\r\n`, atLimit], 3000);
    expect(rawAnswerOf(exact.text).status).toBe(200);
    // An upload (20 MB): the same, for the applicant; and 401 at once for nobody, without reading either.
    const upload = await rawExchange(s.url, [`POST /api/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${applicantToken}\r\nContent-Length: 1000000000000\r\n\r\n`], 3000);
    const u = envelopeOf(upload.text);
    expect([u.status, u.body.error.message]).toEqual([413, '文件超过 20 MB，请压缩后再上传']);
    expect(upload.answeredAfterMs).toBeLessThan(1000);
    const anonymous = await rawExchange(s.url, ['POST /api/upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000000000\r\n\r\n'], 3000);
    expect([rawAnswerOf(anonymous.text).status, anonymous.answeredAfterMs! < 1000]).toEqual([401, true]);
    // A client that goes on sending after its answer is cut off after the linger, not read to the end.
    const pushy = await rawExchange(s.url, ['POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000000000\r\n\r\n', ...Array.from({ length: 40 }, () => [Buffer.alloc(64 * 1024, 0x61), 50]).flat()], 5000);
    expect(rawAnswerOf(pushy.text).status).toBe(413);
    expect(pushy.closedAfterMs).toBeLessThan(LIMITS.lingerMs + 1500);
    await serves();
  });

  test('headers that never end are answered 408 after headersTimeoutMs; a silent connection is closed too', async () => {
    const slow = await rawExchange(s.url, ['GET /api/catalogue HTTP/1.1\r\nHost: localhost\r\n', 200, 'X-Slow: 1\r\n'], 5000);
    const a = envelopeOf(slow.text);
    expect([a.status, a.body.error.message]).toEqual([408, '请求发送太慢，已断开连接，请检查网络后重试']);
    expect(slow.answeredAfterMs).toBeGreaterThanOrEqual(LIMITS.headersTimeoutMs - 50);
    expect(slow.answeredAfterMs).toBeLessThan(LIMITS.headersTimeoutMs + 1000);
    const silent = await rawExchange(s.url, [], 5000);
    expect(silent.closedAfterMs).not.toBeNull();
    expect(silent.closedAfterMs).toBeLessThan(LIMITS.headersTimeoutMs + 1500);
    await serves();
  });

  test('an API body that stalls is cut after bodyIdleTimeoutMs; one that drips is cut after apiBodyTimeoutMs', async () => {
    const head = 'POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
    const stalled = await rawExchange(s.url, [head, '{"action":"search",'], 5000);
    const a = envelopeOf(stalled.text);
    expect([a.status, a.body.error.message]).toEqual([408, '请求内容发送太慢，已断开连接，请检查网络后重试']);
    expect(stalled.answeredAfterMs).toBeGreaterThanOrEqual(LIMITS.bodyIdleTimeoutMs - 50);
    expect(stalled.answeredAfterMs).toBeLessThan(LIMITS.bodyIdleTimeoutMs + 800);
    // One byte every 200 ms never goes idle for 500 ms, but the whole body is late.
    const drip = await rawExchange(s.url, [head, ...Array.from({ length: 30 }, () => ['x', 200]).flat()], 6000);
    const d = envelopeOf(drip.text);
    expect(d.status).toBe(408);
    expect(drip.answeredAfterMs).toBeGreaterThanOrEqual(LIMITS.apiBodyTimeoutMs - 50);
    expect(drip.answeredAfterMs).toBeLessThan(LIMITS.apiBodyTimeoutMs + 1000);
    await serves();
    expect(s.drainErrors()).toEqual([]);
  });

  test('an upload that stalls is cut with 408 and leaves no partial file', async () => {
    const fs = await import('fs');
    const before = fs.readdirSync(s.app.files.dir).length;
    const stalled = await rawExchange(s.url, [`POST /api/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${applicantToken}\r\nContent-Length: 5000\r\n\r\n`, Buffer.alloc(1000, 0x41)], 5000);
    const a = envelopeOf(stalled.text);
    expect([a.status, a.body.error.message]).toEqual([408, '请求内容发送太慢，已断开连接，请检查网络后重试']);
    expect(stalled.answeredAfterMs).toBeLessThan(LIMITS.bodyIdleTimeoutMs + 800);
    await new Promise((r) => setTimeout(r, 200));
    expect(fs.readdirSync(s.app.files.dir).length).toBe(before);
    await serves();
    expect(s.drainErrors()).toEqual([]);
  });

  test('one address holds at most connectionsPerAddress connections: the next is answered 429 at once; once they close, it is served again', async () => {
    const cap = LIMITS.connectionsPerAddress;
    // A fresh server, so no pooled connection of the test's own fetch counts against the cap.
    const c = await startHarness({ http: { ...LIMITS, headersTimeoutMs: 5000 } });
    try {
      const { port } = new URL(c.url);
      const held: net.Socket[] = [];
      for (let i = 0; i < cap; i++) {
        const socket = net.connect(Number(port), '127.0.0.1');
        await new Promise((r) => socket.once('connect', r));
        held.push(socket);
      }
      const refused = await rawExchange(c.url, ['GET /api/catalogue HTTP/1.1\r\nHost: localhost\r\n\r\n'], 3000);
      const a = rawAnswerOf(refused.text);
      expect([a.status, a.body?.error?.code, a.body?.error?.message, a.body?.error?.retryAfterSeconds]).toEqual([429, 'RATE_LIMITED', `同时打开的连接过多（每个地址最多 ${cap} 个），请稍后再试`, 5]);
      expect(a.head).toContain('Retry-After: 5');
      expect(refused.answeredAfterMs).toBeLessThan(1000);
      // Exactly the cap is allowed: one held connection still gets its answer.
      held[0].write('POST /api/catalogue HTTP/1.1\r\nHost: localhost\r\nContent-Length: 29\r\nConnection: close\r\n\r\n{"action":"search","limit":1}');
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        held[0].on('data', (chunk) => (text += chunk.toString('latin1')));
        held[0].on('close', () => resolve(text));
      });
      expect(rawAnswerOf(answer).status).toBe(200);
      for (const socket of held) socket.destroy();
      await new Promise((r) => setTimeout(r, 100));
      const { status } = await c.call('catalogue', 'search', { limit: 1 });
      expect(status).toBe(200);
    } finally {
      await c.close();
    }
  });
});

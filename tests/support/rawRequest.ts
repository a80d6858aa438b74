import net from 'net';
import http from 'http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with exactly these headers, body bytes as sent (fetch would add Accept-Encoding and decompress by itself). */
export function rawRequest(baseUrl: string, pathname: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<RawResponse> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface RawExchange {
  /** Everything the server sent, as latin1 (status line first). */
  text: string;
  /** Milliseconds from connecting to the first byte of the answer (null: none came). */
  answeredAfterMs: number | null;
  /** Milliseconds from connecting until the server closed the connection (null: still open when we gave up). */
  closedAfterMs: number | null;
}

/**
 * A raw TCP exchange with the server: connects, sends `parts` (a string or buffer now; a number waits that many
 * milliseconds before the next part), and collects what comes back until the server closes or `giveUpMs` passes.
 * For requests no HTTP client would send: headers that never end, bodies that stall, lengths never honoured.
 */
export function rawExchange(baseUrl: string, parts: (string | Buffer | number)[], giveUpMs: number): Promise<RawExchange> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const started = Date.now();
    let text = '';
    let answeredAfterMs: number | null = null;
    let closedAfterMs: number | null = null;
    let finished = false;
    const socket = net.connect(Number(port), '127.0.0.1');
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, answeredAfterMs, closedAfterMs });
    };
    const timer = setTimeout(finish, giveUpMs);
    socket.on('data', (chunk: Buffer) => {
      answeredAfterMs ??= Date.now() - started;
      text += chunk.toString('latin1');
    });
    const closed = () => {
      closedAfterMs ??= Date.now() - started;
      finish();
    };
    socket.on('end', closed);
    socket.on('close', closed);
    socket.on('error', closed);
    socket.on('connect', async () => {
      for (const part of parts) {
        if (finished || socket.destroyed) return;
        if (typeof part === 'number') await new Promise((r) => setTimeout(r, part));
        else socket.write(part);
      }
    });
  });
}

/** The status and the parsed envelope of a raw answer ({ status: 0 } when none came). */
export function rawAnswerOf(text: string): { status: number; body: any; head: string } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
  const at = text.indexOf('\r\n\r\n');
  const head = at < 0 ? text : text.slice(0, at);
  let body: any = null;
  try {
    body = at < 0 ? null : JSON.parse(Buffer.from(text.slice(at + 4), 'latin1').toString('utf8'));
  } catch {
    body = null;
  }
  return { status, body, head };
}

import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawAnswer {
  /** 0 when no HTTP answer came (the connection was reset or timed out first). */
  status: number;
  body: string;
  /** extensions.code of the first error, when the body is a GraphQL-shaped error. */
  code: string | undefined;
  /** Request body bytes written before the answer arrived (or the connection ended). */
  bytesSent: number;
  /** Time from the first byte sent to the answer's headers. */
  millis: number;
  /** Why no answer came, when status is 0. */
  error?: string;
}

export interface RawRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** The whole body at once. */
  body?: Buffer;
  /** Or a streamed body of this many bytes, written in 1 MiB chunks of `fill` until the server answers. */
  streamBytes?: number;
  fill?: Buffer;
  /** Declare Content-Length for a streamed body (otherwise it is sent chunked). */
  declareLength?: boolean;
  timeoutMs?: number;
}

/**
 * One HTTP request over node:http, with control over what a client normally
 * cannot send (huge or invalid bodies), stopping the upload as soon as the
 * server answers: how many bytes the server took before it refused is a figure.
 */
export function rawRequest(req: RawRequest): Promise<RawAnswer> {
  const started = Date.now();
  let bytesSent = 0;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<RawAnswer, 'bytesSent' | 'millis'>, at = Date.now()) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, bytesSent, millis: at - started });
    };
    const headers: Record<string, string | number> = { 'content-type': 'application/json', ...req.headers };
    if (req.body) headers['content-length'] = req.body.length;
    else if (req.streamBytes !== undefined && req.declareLength) headers['content-length'] = req.streamBytes;
    const r = request(req.url, { method: req.method ?? 'POST', headers, timeout: req.timeoutMs ?? 60_000, agent: false });
    let answered = false;
    r.on('response', (res) => {
      answered = true;
      const headersAt = Date.now();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        finish({ status: res.statusCode ?? 0, body, code: errorCode(body) }, headersAt);
        r.destroy();
      });
      res.on('error', () => finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), code: undefined }, headersAt));
    });
    r.on('timeout', () => {
      finish({ status: 0, body: '', code: undefined, error: `no answer within ${(req.timeoutMs ?? 60_000) / 1000} s` });
      r.destroy();
    });
    r.on('error', (err) => finish({ status: 0, body: '', code: undefined, error: err.message }));
    if (req.body) {
      bytesSent = req.body.length;
      r.end(req.body);
      return;
    }
    const total = req.streamBytes ?? 0;
    const chunk = req.fill ?? Buffer.alloc(1024 * 1024, 0x61);
    const pump = () => {
      while (!answered && !r.destroyed && bytesSent < total) {
        const piece = total - bytesSent >= chunk.length ? chunk : chunk.subarray(0, total - bytesSent);
        bytesSent += piece.length;
        if (!r.write(piece)) return void r.once('drain', pump);
      }
      if (!answered && !r.destroyed) r.end();
    };
    pump();
  });
}

function errorCode(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    const code = parsed.errors?.[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A GET whose URL is far larger than any HTTP client library will send, over a
 * plain socket: the request line is streamed while the answer is read, and
 * whatever answer arrived counts, even if the server then resets the
 * connection (as it may, with the rest of the URL unread).
 */
export function hugeUrlGet(url: string, pathBytes: number, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<RawAnswer> {
  const target = new URL(url);
  const started = Date.now();
  let bytesSent = 0;
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let answeredAt = 0;
    let settled = false;
    const socket = connect(Number(target.port), target.hostname);
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(received).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      const body = text.includes('\r\n\r\n') ? text.slice(text.indexOf('\r\n\r\n') + 4) : '';
      resolve({
        status,
        body,
        code: errorCode(body),
        bytesSent,
        millis: (answeredAt || Date.now()) - started,
        ...(status ? {} : { error: error ?? 'no answer' }),
      });
    };
    const timer = setTimeout(() => finish(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      answeredAt ||= Date.now();
      received.push(chunk);
    });
    socket.on('error', (err) => finish(err.message));
    socket.on('close', () => finish());
    socket.on('connect', () => {
      socket.write(`GET ${target.pathname}?query=`);
      const chunk = Buffer.alloc(1024 * 1024, 0x78);
      const pump = () => {
        while (!answeredAt && !socket.destroyed && bytesSent < pathBytes) {
          bytesSent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
        if (!answeredAt && !socket.destroyed) {
          const lines = Object.entries({ host: target.host, ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
          socket.write(` HTTP/1.1\r\n${lines.join('')}\r\n`);
        }
      };
      pump();
    });
  });
}

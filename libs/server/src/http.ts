import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes.`);
  }
}

/**
 * The whole request body, refused with BodyTooLargeError past `limit` bytes
 * (at once when Content-Length says so). A refused body is left paused, not
 * destroyed, so that the answer can still be sent (see closeAfterAnswer).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done();
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    const onClose = () => {
      done();
      reject(new Error('The client closed the connection before its request body had arrived.'));
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('close', onClose);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/**
 * Reads and drops what still arrives on `source` (at most `maxBytes`, for at
 * most `maxMs`), then destroys the socket. Closing a socket with unread data
 * makes the kernel reset it, and the reset can destroy an answer already
 * written before the client reads it.
 */
function drainThenClose(source: NodeJS.ReadableStream, socket: Duplex, maxBytes: number, maxMs: number): void {
  let dropped = 0;
  const close = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(close, maxMs);
  timer.unref();
  source.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > maxBytes) close();
  });
  source.once('end', close);
  if (source !== socket) socket.once('end', close);
  socket.once('close', () => clearTimeout(timer));
  source.resume();
}

/** Closes a connection refused before it became an HTTP request (bad headers), once its answer is out. */
export function lingeringClose(socket: Duplex, maxBytes = 16 * 1024 * 1024, maxMs = 5_000): void {
  if (socket.destroyed) return;
  drainThenClose(socket, socket, maxBytes, maxMs);
}

/**
 * Once an early answer (413, 401, ...) is out while the request body is still
 * arriving: the rest is drained for a while, then the connection is closed
 * (node:http would close it as soon as the answer is written).
 */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse, maxBytes = 16 * 1024 * 1024, maxMs = 5_000): void {
  if (req.complete) return;
  const socket = (req.socket as Socket | null) ?? res.socket;
  if (!socket) return;
  let lingering = false;
  const linger = () => {
    if (lingering || socket.destroyed) return;
    lingering = true;
    drainThenClose(req, socket, maxBytes, maxMs);
  };
  // No FIN while the client is still sending: some clients (undici's fetch) then fail the request although its
  // answer has arrived. The socket closes once the rest of the body is drained (or the drain's limits are hit).
  socket.destroySoon = () => linger();
  res.once('finish', () => {
    if (!req.complete) linger();
  });
}

import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import type { HttpRoute } from '@kz/server';
import type { Logger } from 'pino';

/** Headers that describe one connection, not the request: never passed on (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host']);

/**
 * Passes a request on to the service that owns its path (uploads and downloads of imports and attachments),
 * streaming both bodies, so that clients reach every path from the gateway's origin. The owning service
 * applies its own limits and authorisation to the bearer token, which travels unchanged.
 */
export function serviceProxy(target: string, logger: Logger): HttpRoute {
  const origin = new URL(target);
  return (req: IncomingMessage, res: ServerResponse, url: URL) =>
    new Promise<void>((resolve) => {
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
      }
      const prior = req.headers['x-forwarded-for'];
      const peer = req.socket.remoteAddress ?? 'unknown';
      headers['x-forwarded-for'] = prior ? `${Array.isArray(prior) ? prior.join(', ') : prior}, ${peer}` : peer;
      headers['x-forwarded-host'] = req.headers.host ?? '';
      headers['x-forwarded-proto'] = 'http';
      if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] !== undefined) {
        headers['transfer-encoding'] = 'chunked';
      }
      const upstream = request(
        { protocol: origin.protocol, hostname: origin.hostname, port: origin.port, method: req.method, path: url.pathname + url.search, headers },
        (answer) => {
          const out: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
          }
          res.writeHead(answer.statusCode ?? 502, out);
          pipeline(answer, res, () => resolve());
        },
      );
      upstream.on('error', (err) => {
        logger.warn({ err, path: url.pathname, target: origin.origin }, 'proxied request failed');
        if (!res.headersSent) {
          const body = JSON.stringify({
            errors: [{ message: 'The service that handles this path is not reachable; try again shortly.', extensions: { code: 'UNAVAILABLE' } }],
          });
          res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'retry-after': '2' });
          res.end(body);
        } else res.destroy();
        resolve();
      });
      // A client that goes away mid-upload ends the upstream request too.
      req.on('aborted', () => upstream.destroy());
      pipeline(req, upstream, () => undefined);
    });
}

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * What this machine can carry of webhook-shaped traffic with nothing else to do: a client process posting signed JSON
 * bodies over kept-alive HTTPS connections to a bare HTTPS server in this process, which reads each body and answers
 * 200. No database, queue or broker: the most any delivery service could send here, to judge its targets against.
 */
export interface HttpsCeiling {
  requestsPerSecond: number;
  connections: number;
  bodyBytes: number;
  seconds: number;
  /** CPU of the client process and of this process (the server), ms per request. */
  clientCpuMsPerRequest: number;
  serverCpuMsPerRequest: number;
  failed: number;
}

export async function measureHttpsCeiling(
  tls: { keyPath: string; certPath: string },
  opts: { connections: number; bodyBytes: number; seconds: number },
): Promise<HttpsCeiling> {
  const server = createServer({ key: readFileSync(tls.keyPath), cert: readFileSync(tls.certPath) }, (req, res) => {
    req.resume();
    req.on('end', () => res.end());
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/ceiling`;
    const cpu0 = process.cpuUsage();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(__dirname, 'https-ceiling-client.js'), url, String(opts.connections), String(opts.bodyBytes), String(opts.seconds)],
        {
          env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.certPath },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`the HTTPS ceiling client exited with ${code}`))));
    });
    const cpu = process.cpuUsage(cpu0);
    const result = JSON.parse(output.trim().split('\n').at(-1)!) as { answered: number; failed: number; seconds: number; clientCpuMs: number };
    if (result.answered === 0) throw new Error(`the HTTPS ceiling client had no answer (${result.failed} failed requests)`);
    return {
      requestsPerSecond: result.answered / result.seconds,
      connections: opts.connections,
      bodyBytes: opts.bodyBytes,
      seconds: result.seconds,
      clientCpuMsPerRequest: result.clientCpuMs / result.answered,
      // The server's CPU over the client's whole run (its warm-up second included), per measured request: an upper bound.
      serverCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / result.answered,
      failed: result.failed,
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

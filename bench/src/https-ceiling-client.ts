import { createHmac, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:https';

/**
 * The client half of the HTTPS ceiling (https-ceiling.ts), in a process of its own as the webhooks service is: posts
 * signed JSON bodies over kept-alive connections, each connection posting again as soon as it is answered, and prints
 * the requests answered in the measured seconds as JSON. Arguments: url, connections, body bytes, seconds.
 */
const [url, connectionsArg, bodyBytesArg, secondsArg] = process.argv.slice(2);
const connections = Number(connectionsArg);
const seconds = Number(secondsArg);
const body = JSON.stringify({ type: 'message.sent', timestamp: new Date().toISOString(), data: { text: 'x'.repeat(Math.max(0, Number(bodyBytesArg) - 80)) } });
const key = createSecretKey(randomBytes(32));
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url!);
let answered = 0;
let failed = 0;
let measuring = false;
let stopAt = Number.POSITIVE_INFINITY;

function post(): void {
  if (Date.now() >= stopAt) return;
  const id = randomUUID();
  const timestamp = Math.floor(Date.now() / 1000);
  const hmac = createHmac('sha256', key);
  hmac.update(`${id}.${timestamp}.`);
  hmac.update(body);
  const req = request(
    target,
    {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': `v1,${hmac.digest('base64')}`,
      },
    },
    (res) => {
      res.resume();
      res.on('end', () => {
        if (measuring) answered++;
        post();
      });
    },
  );
  req.on('error', () => {
    failed++;
    setTimeout(post, 10);
  });
  req.end(body);
}

// One second to open the connections and warm up, then the measured seconds.
for (let i = 0; i < connections; i++) post();
setTimeout(() => {
  measuring = true;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  stopAt = Date.now() + seconds * 1000;
  setTimeout(() => {
    measuring = false;
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(`${JSON.stringify({ answered, failed, seconds: elapsed, clientCpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
    process.exit(0);
  }, seconds * 1000);
}, 1_000);

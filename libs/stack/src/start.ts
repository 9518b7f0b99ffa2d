/**
 * npm start's stack (scripts/start.sh runs this once everything is built): the
 * services on their fixed ports in the topology's order, each logging to
 * KZ_LOG_DIR (tmp/logs), and where to reach them. Ctrl-C stops everything, and
 * so does any service that exits.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixedPort, ProcessStack } from './process-stack';
import { serviceSpec } from './topology';

const logDir = resolve(process.env.KZ_LOG_DIR ?? 'tmp/logs');
mkdirSync(logDir, { recursive: true });
const gatewayOrigin = `http://127.0.0.1:${fixedPort(serviceSpec('gateway'))}`;

let exiting = false;
const stack = new ProcessStack({
  label: 'start',
  ports: 'fixed',
  logDir,
  detached: true,
  env: {
    // Clients upload and download files through the gateway's origin, which passes them on to their services.
    import: { IMPORT_PUBLIC_URL: gatewayOrigin },
    // Texts to numbers invited before they signed up link to the web app there.
    identity: { APP_PUBLIC_URL: gatewayOrigin },
    messaging: { ATTACHMENTS_PUBLIC_URL: gatewayOrigin },
    // Webhook receivers tried out on this machine listen on loopback over plain HTTP.
    webhooks: { WEBHOOKS_ALLOW_HTTP: 'true', WEBHOOKS_ALLOWED_CIDRS: '127.0.0.1/32,::1/128' },
  },
  onUnexpectedExit: () => stopAndExit(`a service exited; stopping the rest (see ${logDir})`, 1),
});

function stopAndExit(message: string, code: number): void {
  if (exiting) return;
  exiting = true;
  process.stderr.write(`start: ${message}\n`);
  void stack.stop().finally(() => process.exit(code));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stopAndExit('stopping the services', 130));

stack.start().then(
  () => {
    const url = (service: Parameters<ProcessStack['service']>[0]) => stack.service(service).url;
    const identity = stack.service('identity').base;
    process.stdout.write(`
  Kaizala-class work chat is running.

  Web app           ${gatewayOrigin}/   (sign in with a phone number; the page links to the dev SMS sink for the code)
  GraphQL gateway   ${url('gateway')}
  identity          ${url('identity')}   (dev SMS sink: /dev/sms?phone=...)
  groups            ${url('groups')}
  messaging         ${url('messaging')}
  import            ${url('import')}
  webhooks          ${url('webhooks')}
  logs              ${logDir}

  First query to try (asks for a sign-in code; read it at the dev SMS sink):

    curl -s ${url('gateway')} -H 'content-type: application/json' \\
      -d '{"query":"mutation { requestSignInCode(input: { phone: \\"+14155550123\\" }) { expiresInSeconds } }"}'
    curl -s '${identity}/dev/sms?phone=%2B14155550123'

  Ctrl-C stops the services (PostgreSQL, Redis and Kafka keep running;
  'npm run infra:down' stops Kafka).
`);
  },
  (err: Error) => stopAndExit(err.message, 1),
);

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ProcessStack } from '@kz/stack';

const REPO = resolve(import.meta.dirname, '..', '..', '..', '..');
export const STATE_FILE = join(REPO, 'tmp', 'portal-stack.json');

/**
 * Starts the stack the way it runs for people: every service and the gateway as processes of their own, the
 * gateway serving the built web app at its origin. The browser tests read its addresses from the environment.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.PORTAL_URL) return async () => undefined;
  if (!existsSync(join(REPO, 'services', 'portal', 'dist', 'index.html'))) {
    throw new Error('The web app is not built: run `npm run build -w @kz/portal` first (npm test does).');
  }
  // Development mode: the gateway passes /dev/sms on to identity's development SMS sink, as in `npm start`.
  const stack = new ProcessStack({ label: 'portal', nodeEnv: 'development' });
  try {
    await stack.start();
  } catch (err) {
    await stack.stop({ keepLogs: true });
    throw err;
  }
  const gateway = stack.service('gateway').base;
  const identity = stack.service('identity').base;
  process.env.PORTAL_URL = gateway;
  process.env.PORTAL_IDENTITY_URL = identity;
  mkdirSync(join(REPO, 'tmp'), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ gateway, identity }));
  return async () => {
    await stack.stop({ keepLogs: process.env.PORTAL_KEEP_LOGS === 'true' });
  };
}

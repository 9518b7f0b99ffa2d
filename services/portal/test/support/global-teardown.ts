import { join, resolve } from 'node:path';

/** The stack is stopped by the function global-setup returns; this says where every screen's screenshot went. */
export default async function globalTeardown(): Promise<void> {
  const dir = join(resolve(import.meta.dirname, '..', '..', '..', '..'), 'tmp', 'portal-screenshots');
  process.stdout.write(`portal: a screenshot of every screen tested is in ${dir}\n`);
}

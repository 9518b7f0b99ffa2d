import { SCREENSHOTS_DIR } from './portal';

/** The stack is stopped by the function global-setup returns; this says where every screen's screenshot went. */
export default async function globalTeardown(): Promise<void> {
  process.stdout.write(`portal: a screenshot of every screen tested is in ${SCREENSHOTS_DIR}\n`);
}

/** The stack is stopped by the function global-setup returns; this only says where screenshots went. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.PORTAL_SCREENSHOTS_DIR) process.stdout.write(`portal: screenshots of every screen are in ${process.env.PORTAL_SCREENSHOTS_DIR}\n`);
}

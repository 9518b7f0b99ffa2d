// Docker HEALTHCHECK for the Node images (slim images have no curl):
//
//   node deploy/docker/healthcheck.js <PORT_VARIABLE> <default port>
//
// Asks the process in this container for GET /healthz on the port it was
// configured with (e.g. IDENTITY_PORT, falling back to the default the service
// itself uses) and exits 0 only on a 200 within the deadline. /healthz answers
// once the service has migrated its database and is listening; /readyz (which
// also checks its dependencies) is for load balancers, not for restarts.
// Plain script, no imports: it runs from any folder, CommonJS or ESM.
const [portVariable, fallback] = process.argv.slice(2);
const port = Number(process.env[portVariable ?? ''] || fallback);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  process.stderr.write(`healthcheck: no valid port in ${portVariable} or the default ${fallback}\n`);
  process.exit(2);
}
fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) }).then(
  (res) => process.exit(res.status === 200 ? 0 : 1),
  (err) => {
    process.stderr.write(`healthcheck: ${err.message}\n`);
    process.exit(1);
  },
);

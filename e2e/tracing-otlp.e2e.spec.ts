import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postJson, ProcessStack } from '@kz/stack';

/** What an OTLP/HTTP collector receives, as the OTLP specification's JSON encoding has it (the fields read here). */
interface ExportTraceServiceRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number }[] }[];
  }[];
}

/** SPAN_KIND_SERVER and SPAN_KIND_CLIENT in the OTLP protocol. */
const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;

/**
 * TRACING_EXPORTER=otlp as a collector sees it: a service process, built and started as production runs it, sends
 * its spans to /v1/traces in the specification's JSON encoding (no collector's jar is on Maven Central, so the
 * collector here is the test's, reading the protocol's fields).
 */
describe('traces sent over OTLP/HTTP', () => {
  let collector: Server;
  const received: { path: string; headers: IncomingHttpHeaders; body: ExportTraceServiceRequest }[] = [];

  beforeAll(async () => {
    collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportTraceServiceRequest });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise((resolve) => collector.close(resolve)));

  it("sends a request's spans, with its SQL, under the caller's trace and the service's name", async () => {
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
    const stack = await new ProcessStack({
      label: 'otlp',
      services: ['identity'],
      env: { identity: { TRACING_EXPORTER: 'otlp', TRACING_ENDPOINT: endpoint, TRACING_SAMPLE_RATIO: '1' } },
    }).start();
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    try {
      // A sign-in code request: the service reads and writes its database.
      const answer = await postJson(
        stack.service('identity').url,
        JSON.stringify({ query: `mutation ProbeSignIn { requestSignInCode(input: { phone: "+14155558199" }) { expiresInSeconds } }` }),
        undefined,
        { ...stack.asGateway, traceparent: `00-${traceId}-${callerSpanId}-01` },
      );
      expect(answer.text).toContain('expiresInSeconds');
    } finally {
      // A process sends what it has buffered on its way out.
      await stack.stop();
    }

    expect(received.length).toBeGreaterThan(0);
    expect(received.every((r) => r.path === '/v1/traces' && /^application\/json/.test(r.headers['content-type'] ?? ''))).toBe(true);
    const resourceSpans = received.flatMap((r) => r.body.resourceSpans);
    expect(resourceSpans.every((rs) => rs.resource.attributes.some((a) => a.key === 'service.name' && a.value.stringValue === 'kz-identity'))).toBe(true);
    const spans = resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((scope) => scope.spans)).filter((span) => span.traceId === traceId);
    const request = spans.find((span) => span.kind === SPAN_KIND_SERVER);
    expect(request).toMatchObject({ parentSpanId: callerSpanId, name: 'mutation ProbeSignIn', spanId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // Its statements (pg's client spans) hang from it.
    expect(spans.filter((span) => span.kind === SPAN_KIND_CLIENT && span.parentSpanId === request!.spanId).length).toBeGreaterThan(0);
  });
});

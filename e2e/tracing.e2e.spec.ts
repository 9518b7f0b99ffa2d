import { randomBytes } from 'node:crypto';
import { postJson, ProcessStack, Subscriber, type ServiceName } from '@kz/stack';
import { eventually, startZipkin, WebhookReceiver, type Zipkin, type ZipkinSpan } from '@kz/testing';

/**
 * Traces as a platform team reads them in Zipkin (a real server, from its jar): every process of the stack runs as
 * production runs it (built, one process per service) with TRACING_EXPORTER=zipkin, and each user action below
 * starts with a traceparent of the test's choosing, so that its whole trace can be fetched by id.
 */
let zipkin: Zipkin;
let stack: ProcessStack;

const SERVICES: ServiceName[] = ['identity', 'groups', 'messaging', 'import', 'webhooks', 'gateway'];

beforeAll(async () => {
  zipkin = await startZipkin();
  const tracing = { TRACING_EXPORTER: 'zipkin', TRACING_ENDPOINT: zipkin.spansUrl, TRACING_SAMPLE_RATIO: '1' };
  stack = await new ProcessStack({ label: 'tracing', env: Object.fromEntries(SERVICES.map((service) => [service, tracing])) }).start();
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await zipkin?.stop();
});

/** A traceparent with a fresh trace id, as a client (or a proxy in front of the gateway) would send it. */
function clientTrace(): { traceId: string; clientSpanId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  const clientSpanId = randomBytes(8).toString('hex');
  return { traceId, clientSpanId, traceparent: `00-${traceId}-${clientSpanId}-01` };
}

async function mustPost(query: string, variables: Record<string, unknown>, token: string, headers: Record<string, string> = {}) {
  const res = await postJson(stack.service('gateway').url, JSON.stringify({ query, variables }), token, headers);
  const body = JSON.parse(res.text) as { data?: Record<string, any>; errors?: unknown[] };
  if (res.status !== 200 || body.errors) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 500)}`);
  return body.data!;
}

const serviceOf = (span: ZipkinSpan) => span.localEndpoint?.serviceName ?? '?';

/** The spans of a trace by id, and the chain of a span's ancestors up to the client's span, as "service kind name". */
class TraceTree {
  private readonly byId: Map<string, ZipkinSpan>;

  constructor(readonly spans: ZipkinSpan[]) {
    this.byId = new Map(spans.map((span) => [span.id, span]));
  }

  find(service: string, predicate: (span: ZipkinSpan) => boolean): ZipkinSpan | undefined {
    return this.spans.find((span) => serviceOf(span) === service && predicate(span));
  }

  ancestry(span: ZipkinSpan): string[] {
    const chain: string[] = [];
    for (let at: ZipkinSpan | undefined = span; at; at = at.parentId ? this.byId.get(at.parentId) : undefined) {
      chain.unshift(`${serviceOf(at)} ${at.kind ?? 'LOCAL'} ${at.name}`);
    }
    return chain;
  }

  parentOf(span: ZipkinSpan): ZipkinSpan | undefined {
    return span.parentId ? this.byId.get(span.parentId) : undefined;
  }
}

async function traceWhere(traceId: string, complete: (tree: TraceTree) => void): Promise<TraceTree> {
  return eventually(
    async () => {
      const tree = new TraceTree(await zipkin.trace(traceId));
      complete(tree);
      return tree;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}

describe('traces across the gateway, the subgraphs, the outbox, Kafka, workers and subscriptions', () => {
  it('follows a message from the send through the outbox and Kafka to the subscriber it reaches, in one trace', async () => {
    const author = await stack.signIn('+14155558101', 'Traced Author');
    const groupId = (await mustPost(`mutation { createGroup(input: { name: "Traced" }) { group { id } } }`, {}, author.token)).createGroup.group.id as string;
    // Messaging learns of the group from Kafka: a subscription asked for before then is refused.
    await eventually(async () => mustPost(`query($g: ID!) { group(id: $g) { messages(last: 1) { edges { cursor } } } }`, { g: groupId }, author.token));
    const subscriber = new Subscriber(stack.service('gateway').url, author.token);
    await subscriber.ready();
    subscriber.subscribe(`subscription($g: ID!) { messageEvents(groupId: $g) { kind message { id text author { displayName } } } }`, { g: groupId });
    // The subscription is live once the stream has been asked for; a first message proves it.
    await eventually(
      async () => {
        expect(subscriber.problem).toBeUndefined();
        await mustPost(`mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`, { i: { groupId, text: 'warm-up' } }, author.token);
        expect(subscriber.payloads().some((p) => p['message']?.text === 'warm-up')).toBe(true);
      },
      { intervalMs: 300 },
    );

    const { traceId, clientSpanId, traceparent } = clientTrace();
    const sent = await mustPost(
      `mutation TracedSend($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`,
      { i: { groupId, text: 'followed end to end' } },
      author.token,
      { traceparent },
    );
    const messageId = sent.sendMessage.message.id as string;
    await eventually(async () => expect(subscriber.received.some((r) => r.data?.['messageEvents']?.message?.id === messageId)).toBe(true));
    await subscriber.close();

    // Each process sends its spans on its own schedule: the trace is read once every part has arrived.
    const tree = await traceWhere(traceId, (t) => {
      expect(t.find('kz-gateway', (s) => s.name === 'deliver messageevents')).toBeDefined();
      expect(t.find('kz-messaging', (s) => s.kind === 'PRODUCER')).toBeDefined();
      expect(t.find('kz-identity', (s) => s.kind === 'SERVER')).toBeDefined();
    });

    // The gateway's request span is the client's child and is named after the operation.
    const request = tree.find('kz-gateway', (s) => s.kind === 'SERVER')!;
    expect(request.parentId).toBe(clientSpanId);
    expect(request.name).toBe('mutation tracedsend');
    // The gateway's call to messaging, messaging's own request span, and its statements under it.
    const messagingRequest = tree.find('kz-messaging', (s) => s.kind === 'SERVER')!;
    expect(serviceOf(tree.parentOf(messagingRequest)!)).toBe('kz-gateway');
    expect(tree.parentOf(messagingRequest)!.kind).toBe('CLIENT');
    const insert = tree.find(
      'kz-messaging',
      (s) => s.kind === 'CLIENT' && (s.tags?.['db.query.text'] ?? s.tags?.['db.statement'] ?? '').includes('INSERT INTO messages'),
    );
    expect(insert).toBeDefined();
    expect(tree.ancestry(insert!)).toContain(`kz-messaging SERVER ${messagingRequest.name}`);
    // The outbox row kept the request's context: the relay's publish is the request's child, however much later it ran.
    const publish = tree.find('kz-messaging', (s) => s.kind === 'PRODUCER' && (s.name ?? '').includes('messaging.messages'))!;
    expect(publish.parentId).toBe(messagingRequest.id);
    // The gateway's consumer handles the event in the same trace, and the delivery to the subscriber under it.
    const delivery = tree.find('kz-gateway', (s) => s.name === 'deliver messageevents')!;
    const consumed = tree.parentOf(delivery)!;
    expect(consumed.kind).toBe('CONSUMER');
    expect(consumed.name).toBe('process messaging.message.sent');
    expect(consumed.parentId).toBe(publish.id);
    expect(tree.ancestry(delivery)).toEqual([
      `kz-gateway SERVER ${request.name}`,
      expect.stringMatching(/^kz-gateway CLIENT /),
      `kz-messaging SERVER ${messagingRequest.name}`,
      `kz-messaging PRODUCER ${publish.name}`,
      'kz-gateway CONSUMER process messaging.message.sent',
      'kz-gateway LOCAL deliver messageevents',
    ]);
    // The delivery resolved the author's name through the supergraph (identity) inside its span.
    expect(tree.find('kz-identity', (s) => s.kind === 'SERVER' && tree.ancestry(s).includes('kz-gateway LOCAL deliver messageevents'))).toBeDefined();
  });

  it('follows a message to the webhook it causes, sent to the partner in the same trace', async () => {
    const receiver = new WebhookReceiver();
    await receiver.start();
    try {
      const admin = await stack.signIn('+14155558103', 'Traced Partner Admin');
      const orgId = (await mustPost(`mutation { createOrganization(input: { name: "Traced Partner" }) { organization { id } } }`, {}, admin.token))
        .createOrganization.organization.id as string;
      // The webhooks service and groups learn who administers the organisation from identity's events.
      await eventually(() =>
        mustPost(
          `mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) { endpoint { id } } }`,
          { i: { organizationId: orgId, url: receiver.url('/traced'), eventTypes: ['MESSAGE_SENT'] } },
          admin.token,
        ),
      );
      const groupId = await eventually(
        async () =>
          (
            await mustPost(
              `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
              { i: { name: 'Traced hooks', organizationId: orgId } },
              admin.token,
            )
          ).createGroup.group.id as string,
      );
      await eventually(() => mustPost(`query($g: ID!) { group(id: $g) { messages(last: 1) { edges { cursor } } } }`, { g: groupId }, admin.token));

      const { traceId, clientSpanId, traceparent } = clientTrace();
      const sent = await mustPost(
        `mutation TracedHook($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`,
        { i: { groupId, text: 'to the partner' } },
        admin.token,
        { traceparent },
      );
      const messageId = sent.sendMessage.message.id as string;
      await eventually(() => expect(receiver.at('/traced').some((r) => (r.body.data['message'] as { id?: string } | undefined)?.id === messageId)).toBe(true));

      // Each process sends its spans on its own schedule: the trace is read once the delivery's whole line of parents
      // (messaging's publish, the gateway's request) has arrived.
      const tree = await traceWhere(traceId, (t) => {
        const sentToPartner = t.find('kz-webhooks', (s) => s.name === 'deliver webhook message.sent');
        expect(sentToPartner).toBeDefined();
        expect(t.ancestry(sentToPartner!)[0]).toBe('kz-gateway SERVER mutation tracedhook');
      });
      // Sent by a delivery job, after the event was taken in by the webhooks service's consumer: in the send's trace.
      const delivery = tree.find('kz-webhooks', (s) => s.name === 'deliver webhook message.sent')!;
      expect(delivery.kind).toBe('PRODUCER');
      expect(delivery.tags?.['webhook.attempt']).toBe('1');
      const ancestry = tree.ancestry(delivery);
      expect(ancestry[0]).toBe('kz-gateway SERVER mutation tracedhook');
      expect(tree.find('kz-gateway', (s) => s.kind === 'SERVER')!.parentId).toBe(clientSpanId);
      expect(ancestry.slice(-2)).toEqual(['kz-webhooks CONSUMER process messaging.message.sent', 'kz-webhooks PRODUCER deliver webhook message.sent']);
      // The partner's POST itself, under the delivery.
      expect(tree.find('kz-webhooks', (s) => s.kind === 'CLIENT' && s.parentId === delivery.id)).toBeDefined();
    } finally {
      await receiver.stop();
    }
  });

  it("follows an import's upload through the queue's jobs to the services they call and the events they cause", async () => {
    const admin = await stack.signIn('+14155558102', 'Traced Importer');
    const orgId = (await mustPost(`mutation { createOrganization(input: { name: "Traced Org" }) { organization { id } } }`, {}, admin.token)).createOrganization
      .organization.id as string;
    const groupId = await eventually(
      async () =>
        (
          await mustPost(
            `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
            { i: { name: 'Traced crew', organizationId: orgId } },
            admin.token,
          )
        ).createGroup.group.id as string,
    );
    const started = (
      await mustPost(
        `mutation($i: StartImportInput!) { startImport(input: $i) { uploadUrl import { id } } }`,
        { i: { organizationId: orgId, groupIds: [groupId], defaultCountry: 'IN' } },
        admin.token,
      )
    ).startImport;
    const importId = started.import.id as string;

    const { traceId, clientSpanId, traceparent } = clientTrace();
    const rows = ['Phone,Name', ...Array.from({ length: 3 }, (_, i) => `98765${String(53210 + i)},Traced Person ${i}`)];
    // Through the gateway's origin, the one address a client needs.
    const uploadPath = new URL(started.uploadUrl as string).pathname;
    const uploaded = await fetch(`${stack.service('gateway').base}${uploadPath}?filename=crew.csv`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv', traceparent },
      body: `${rows.join('\n')}\n`,
    });
    expect(uploaded.status).toBe(200);
    await eventually(async () => {
      const job = await mustPost(`query($id: ID!) { importJob(id: $id) { status } }`, { id: importId }, admin.token);
      expect(job.importJob.status).toBe('COMPLETED');
    });

    const tree = await traceWhere(traceId, (t) => {
      expect(t.find('kz-import', (s) => s.name === 'job member-csv-import')).toBeDefined();
      expect(t.find('kz-groups', (s) => s.kind === 'SERVER')).toBeDefined();
      expect(t.find('kz-gateway', (s) => s.name === 'process import.job.progress')).toBeDefined();
    });
    // The upload enters at the gateway (the client's child), which streams it to the import service.
    const upload = tree.find('kz-gateway', (s) => s.kind === 'SERVER')!;
    expect(upload.parentId).toBe(clientSpanId);
    const importRequest = tree.find('kz-import', (s) => s.kind === 'SERVER')!;
    expect(tree.ancestry(importRequest)[0]).toBe(`kz-gateway SERVER ${upload.name}`);
    // Each chunk's job runs in the trace of the upload that queued it, and the members it adds are added within it.
    const job = tree.find('kz-import', (s) => s.name === 'job member-csv-import')!;
    expect(job.kind).toBe('CONSUMER');
    expect(tree.ancestry(job)).toContain(`kz-import SERVER ${importRequest.name}`);
    const addMembers = tree.find('kz-groups', (s) => s.kind === 'SERVER' && tree.ancestry(s).some((step) => step.endsWith('job member-csv-import')))!;
    expect(addMembers).toBeDefined();
    // The import's progress reaches the gateway's consumer through Kafka within the same trace.
    const progress = tree.find('kz-gateway', (s) => s.name === 'process import.job.progress')!;
    expect(tree.ancestry(progress)[0]).toBe(`kz-gateway SERVER ${upload.name}`);
  });
});

import { randomUUID } from 'node:crypto';
import { createEvent, type EventEnvelope } from '@kz/events';
import {
  deleteTestTopics,
  dropTestDatabases,
  eventually,
  EventTap,
  graphql,
  silentLogger,
  testDatabaseUrl,
  testNamespace,
  TestTokenIssuer,
  WebhookReceiver,
} from '@kz/testing';
import { createWebhooksApp, loadWebhooksConfig, type WebhooksApp } from '@kz/webhooks-service';

const ns = testNamespace();
const issuer = new TestTokenIssuer();
const tap = new EventTap(ns);
const receiver = new WebhookReceiver();
let app: WebhooksApp;
let url: string;

const orgId = randomUUID();
const admin = { id: randomUUID(), phone: '+14155550401' };
const member = { id: randomUUID(), phone: '+14155550402' };
const sales = randomUUID();
const salesEast = randomUUID();
const support = randomUUID();

const REGISTER = `mutation ($i: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $i) { signingSecret endpoint { id url status eventTypes includeSubgroups groups { id } organization { id } } }
}`;
const DELIVERIES = `query ($id: ID!) {
  webhookEndpoint(id: $id) {
    status disabledReason
    deliveries(first: 50) { edges { cursor node { id eventId eventType status redelivery payload attempts { httpStatus latencyMs responseExcerpt error attemptedAt } } } pageInfo { hasNextPage endCursor } }
  }
}`;

const adminToken = () => issuer.token(admin.id, admin.phone);

function groupCreated(groupId: string, name: string, parentId: string | null = null) {
  return createEvent('groups.group.created', {
    key: groupId,
    orgId,
    payload: { groupId, orgId, parentId, name, kind: 'ORGANIZATION', announcementOnly: false, createdBy: admin.id },
  });
}

function messageSent(groupId: string, text: string): EventEnvelope {
  return createEvent('messaging.message.sent', {
    key: groupId,
    orgId,
    payload: { messageId: randomUUID(), groupId, authorId: member.id, text, sentAt: new Date().toISOString(), kind: 'TEXT', audience: 'ALL' },
  });
}

/** Registers an endpoint at a path of the receiver, which then verifies that path's deliveries with the secret shown. */
async function register(path: string, input: Record<string, unknown>, token?: string) {
  const res = await graphql(url, REGISTER, { i: { organizationId: orgId, url: receiver.url(path), ...input } }, token ?? (await adminToken()));
  if (res.data?.registerWebhookEndpoint) receiver.secrets.set(path, [res.data.registerWebhookEndpoint.signingSecret]);
  return res;
}

async function endpointAt(path: string, input: Record<string, unknown>): Promise<string> {
  const res = await register(path, input);
  expect(res.errors).toBeUndefined();
  return res.data!.registerWebhookEndpoint.endpoint.id;
}

async function deliveriesOf(endpointId: string) {
  const res = await graphql(url, DELIVERIES, { id: endpointId }, await adminToken());
  expect(res.errors).toBeUndefined();
  return res.data!.webhookEndpoint;
}

beforeAll(async () => {
  await issuer.start();
  await receiver.start();
  app = await createWebhooksApp(
    loadWebhooksConfig({
      NODE_ENV: 'test',
      WEBHOOKS_PORT: '0',
      WEBHOOKS_DATABASE_URL: testDatabaseUrl(ns, 'webhooks'),
      KAFKA_NAMESPACE: ns,
      WEBHOOKS_ALLOWED_CIDRS: '127.0.0.1/32',
      WEBHOOKS_CHALLENGE_TIMEOUT_MS: '1000',
      WEBHOOKS_DELIVERY_TIMEOUT_MS: '1000',
      WEBHOOKS_RETRY_DELAYS_SECONDS: '0.3,0.3,0.3',
      WEBHOOKS_SWEEP_INTERVAL_MS: '1000',
      ...issuer.env(),
    }),
    silentLogger(),
  );
  url = `${await app.start()}/graphql`;
  await app.runtime.kafkaConnected();
  await tap.listen(['webhooksEndpoints']);
  await tap.publish(
    createEvent('identity.organization.member-added', { key: orgId, orgId, payload: { orgId, userId: admin.id, role: 'ADMIN', network: 'EMPLOYEE' } }),
  );
  await tap.publish(
    createEvent('identity.organization.member-added', { key: orgId, orgId, payload: { orgId, userId: member.id, role: 'MEMBER', network: 'EMPLOYEE' } }),
  );
  for (const event of [groupCreated(sales, 'Sales'), groupCreated(salesEast, 'Sales (East)', sales), groupCreated(support, 'Support')])
    await tap.publish(event);
  await eventually(async () => {
    const [{ n }] = (await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM known_groups WHERE org_id = $1`, [orgId])) as { n: number }[];
    expect(n).toBe(3);
    const admins = (await app.runtime.dataSource.query(`SELECT 1 FROM org_admins WHERE org_id = $1`, [orgId])) as unknown[];
    expect(admins).toHaveLength(1);
  });
});

afterAll(async () => {
  await tap.stop();
  await app.stop();
  await receiver.stop();
  await issuer.stop();
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

describe('registering an endpoint', () => {
  it('keeps an endpoint that echoes the challenge, as text or JSON, and shows its secret once', async () => {
    receiver.answerChallenges('/json', 'json');
    for (const path of ['/plain', '/json']) {
      const res = await register(path, { eventTypes: ['MESSAGE_SENT'] });
      expect(res.errors).toBeUndefined();
      expect(res.data!.registerWebhookEndpoint.signingSecret).toMatch(/^whsec_/);
      expect(res.data!.registerWebhookEndpoint.endpoint).toMatchObject({ url: receiver.url(path), status: 'ACTIVE', organization: { id: orgId } });
    }
    const listed = await graphql(
      url,
      `query { _entities(representations: [{ __typename: "Organization", id: "${orgId}" }]) { ... on Organization { webhookEndpoints { url } } } }`,
      {},
      await adminToken(),
    );
    expect(listed.data!._entities[0].webhookEndpoints.map((e: { url: string }) => e.url)).toEqual(
      expect.arrayContaining([receiver.url('/plain'), receiver.url('/json')]),
    );
  });

  it.each([
    ['wrong', 'without its challenge'],
    [404, 'HTTP 404'],
    ['hang', 'within 1 seconds'],
  ] as const)('refuses an endpoint whose challenge answer is %s, saying why on the url field', async (how, words) => {
    const path = `/refused-${how}`;
    receiver.answerChallenges(path, how);
    const res = await register(path, { eventTypes: ['MESSAGE_SENT'] });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(res.errors?.[0]?.message).toContain(words);
  });

  it('refuses addresses inside the network (loopback outside the allow-list, private, cloud metadata) before sending anything', async () => {
    for (const [target, words] of [
      ['http://[::1]:9/hook', 'loopback'],
      ['http://10.1.2.3/hook', 'private'],
      ['http://169.254.169.254/latest/meta-data', 'metadata'],
      ['http://intranet/hook', 'private network'],
    ]) {
      const res = await graphql(url, REGISTER, { i: { organizationId: orgId, url: target, eventTypes: ['MESSAGE_SENT'] } }, await adminToken());
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
      expect(res.errors?.[0]?.message.toLowerCase()).toContain(words);
    }
  });

  it("lets only the organisation's admins and its connectors holding WEBHOOKS manage endpoints", async () => {
    const asMember = await register('/by-member', { eventTypes: ['MESSAGE_SENT'] }, await issuer.token(member.id, member.phone));
    expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reader = await issuer.connectorToken(randomUUID(), orgId, ['MESSAGES']);
    expect((await register('/by-reader', { eventTypes: ['MESSAGE_SENT'] }, reader)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const partner = await issuer.connectorToken(randomUUID(), orgId, ['WEBHOOKS']);
    const byPartner = await register('/by-partner', { eventTypes: ['MESSAGE_SENT'] }, partner);
    expect(byPartner.errors).toBeUndefined();
    const id = byPartner.data!.registerWebhookEndpoint.endpoint.id;
    const elsewhere = await issuer.connectorToken(randomUUID(), randomUUID(), ['WEBHOOKS']);
    const seen = await graphql(
      url,
      `
        query ($id: ID!) {
          webhookEndpoint(id: $id) {
            id
          }
        }
      `,
      { id },
      elsewhere,
    );
    expect(seen.data!.webhookEndpoint).toBeNull();
    const paused = await graphql(
      url,
      `
        mutation ($id: ID!) {
          pauseWebhookEndpoint(input: { id: $id }) {
            endpoint {
              id
            }
          }
        }
      `,
      { id },
      elsewhere,
    );
    expect(paused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses groups that are not the organisation’s, naming the field', async () => {
    const res = await register('/foreign-group', { eventTypes: ['MESSAGE_SENT'], groupIds: [randomUUID()] });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupIds' });
  });
});

describe('delivering events', () => {
  it('sends each wanted event, signed so that the standardwebhooks library verifies it, to endpoints following its group or parent', async () => {
    const all = await endpointAt('/all', { eventTypes: ['MESSAGE_SENT', 'MEMBER_ADDED', 'ORGANIZATION_UPDATED'] });
    const salesTree = await endpointAt('/sales-tree', { eventTypes: ['MESSAGE_SENT'], groupIds: [sales], includeSubgroups: true });
    const salesOnly = await endpointAt('/sales-only', { eventTypes: ['MESSAGE_SENT'], groupIds: [sales] });
    const east = messageSent(salesEast, 'from the east');
    const supportMessage = messageSent(support, 'help');
    await tap.publish(east);
    await tap.publish(supportMessage);
    await tap.publish(
      createEvent('groups.memberships.added', {
        key: support,
        orgId,
        payload: { groupId: support, members: [{ userId: member.id, role: 'MEMBER' }], addedBy: admin.id },
      }),
    );
    await tap.publish(createEvent('identity.organization.updated', { key: orgId, orgId, payload: { orgId, name: 'Contoso Ltd' } }));
    await eventually(() => expect(receiver.at('/all')).toHaveLength(4));
    await eventually(() => expect(receiver.at('/sales-tree')).toHaveLength(1));
    expect(receiver.at('/all').map((r) => r.body.type)).toEqual(
      expect.arrayContaining(['message.sent', 'message.sent', 'member.added', 'organization.updated']),
    );
    for (const r of receiver.received.filter((x) => ['/all', '/sales-tree'].includes(x.path))) expect(r.verifiedWith).toHaveLength(1);
    const [tree] = receiver.at('/sales-tree');
    expect(tree!.id).toBe(east.id);
    expect(tree!.body).toMatchObject({
      type: 'message.sent',
      organizationId: orgId,
      groupId: salesEast,
      redelivery: false,
      data: { message: { groupId: salesEast, text: 'from the east', authorId: member.id } },
    });
    expect(receiver.at('/sales-only')).toHaveLength(0);
    const log = await eventually(async () => {
      const current = await deliveriesOf(all);
      expect(current.deliveries.edges.map((e: { node: { status: string } }) => e.node.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED', 'DELIVERED']);
      return current;
    });
    expect(log.deliveries.edges[0].node.attempts[0]).toMatchObject({ httpStatus: 200, responseExcerpt: 'ok', error: null });
    expect((await deliveriesOf(salesOnly)).deliveries.edges).toHaveLength(0);
    void salesTree;
  });

  it('keeps each group’s events in order for an endpoint, even while one of them is being retried', async () => {
    await endpointAt('/ordered', { eventTypes: ['MESSAGE_SENT'], groupIds: [support] });
    receiver.script('/ordered', { status: 503 }, { status: 200 });
    const sent = Array.from({ length: 12 }, (_, i) => messageSent(support, `n${i}`));
    for (const event of sent) await tap.publish(event);
    await eventually(() => expect(new Set(receiver.at('/ordered').map((r) => r.id)).size).toBe(12));
    const firstSeen = [...new Map(receiver.at('/ordered').map((r) => [r.id, r.body.data.message])).values()] as { text: string }[];
    expect(firstSeen.map((m) => m.text)).toEqual(sent.map((_, i) => `n${i}`));
    expect(receiver.at('/ordered')[0]!.id).toBe(receiver.at('/ordered')[1]!.id);
  });

  it("sends the events of many groups arriving together, each group's in order and each once, working their lanes side by side", async () => {
    const id = await endpointAt('/many-groups', { eventTypes: ['MESSAGE_SENT'] });
    const groups = Array.from({ length: 40 }, () => randomUUID());
    const sent: EventEnvelope[] = [];
    for (let round = 0; round < 3; round++) {
      const events = groups.map((groupId, g) => messageSent(groupId, `g${g}-r${round}`));
      sent.push(...events);
      await Promise.all(events.map((event) => tap.publish(event)));
    }
    await eventually(() => expect(receiver.at('/many-groups')).toHaveLength(sent.length), { timeoutMs: 30_000 });
    const received = receiver.at('/many-groups');
    expect(new Set(received.map((r) => r.id)).size).toBe(sent.length);
    for (const [g, groupId] of groups.entries()) {
      const texts = received
        .map((r) => r.body.data.message as { groupId: string; text: string })
        .filter((message) => message.groupId === groupId)
        .map((message) => message.text);
      expect(texts).toEqual([0, 1, 2].map((round) => `g${g}-r${round}`));
    }
    // The newest 50 of the log: each logged as delivered.
    await eventually(async () => {
      const statuses = (await deliveriesOf(id)).deliveries.edges.map((e: { node: { status: string } }) => e.node.status);
      expect(statuses).toEqual(Array(50).fill('DELIVERED'));
    });
  });

  it('sends a backlog down its lane in order, stopping at a failure until its retry succeeds, and logs each attempt', async () => {
    const id = await endpointAt('/backlog', { eventTypes: ['MESSAGE_SENT'], groupIds: [support] });
    // The first failure holds the lane while the rest queue up behind it; the third delivery then fails inside a run of them.
    receiver.script('/backlog', { status: 503 }, { status: 200 }, { status: 200 }, { status: 500 }, { status: 200 });
    const sent = Array.from({ length: 9 }, (_, i) => messageSent(support, `b${i}`));
    for (const event of sent) await tap.publish(event);
    await eventually(() => expect(receiver.at('/backlog')).toHaveLength(11));
    const texts = receiver.at('/backlog').map((r) => (r.body.data.message as { text: string }).text);
    expect(texts).toEqual(['b0', 'b0', 'b1', 'b2', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8']);
    const log = await eventually(async () => {
      const current = await deliveriesOf(id);
      expect(current.deliveries.edges.map((e: { node: { status: string } }) => e.node.status)).toEqual(Array(9).fill('DELIVERED'));
      return current;
    });
    // Newest first: b8 … b0.
    const attempts = log.deliveries.edges.map((e: { node: { attempts: { httpStatus: number }[] } }) => e.node.attempts.map((a) => a.httpStatus)).reverse();
    expect(attempts).toEqual([[503, 200], [200], [500, 200], [200], [200], [200], [200], [200], [200]]);
  });

  it('retries failures on the schedule, waits as long as Retry-After asks, and logs every attempt', async () => {
    const id = await endpointAt('/flaky', { eventTypes: ['MESSAGE_SENT'], groupIds: [sales] });
    receiver.script('/flaky', { status: 503, retryAfter: '2', body: 'busy' }, { status: 500 }, { status: 200 });
    await tap.publish(messageSent(sales, 'eventually'));
    await eventually(() => expect(receiver.at('/flaky')).toHaveLength(3));
    // The receiver has answered; the attempt is logged a moment later.
    const log = await eventually(async () => {
      const current = await deliveriesOf(id);
      expect(current.deliveries.edges[0].node.status).toBe('DELIVERED');
      return current;
    });
    const attempts = log.deliveries.edges[0].node.attempts as { httpStatus: number; attemptedAt: string; responseExcerpt: string }[];
    expect(attempts.map((a) => a.httpStatus)).toEqual([503, 500, 200]);
    expect(attempts[0]!.responseExcerpt).toBe('busy');
    expect(Date.parse(attempts[1]!.attemptedAt) - Date.parse(attempts[0]!.attemptedAt)).toBeGreaterThanOrEqual(1_900);
    expect(log.deliveries.edges[0].node.status).toBe('DELIVERED');
  });

  it('gives up after the last attempt, disables the endpoint with a reason, and a replay after resuming sends what it missed', async () => {
    const id = await endpointAt('/dead', { eventTypes: ['MESSAGE_SENT'], groupIds: [support] });
    receiver.script('/dead', { status: 500 }, 'hang', { status: 502 }, { status: 500 });
    await tap.publish(messageSent(support, 'lost?'));
    await eventually(async () => expect((await deliveriesOf(id)).status).toBe('DISABLED'));
    const log = await deliveriesOf(id);
    expect(log.disabledReason).toBe(
      'Every one of 4 attempts to deliver an event failed, over 1 second; fix the endpoint, resume it, and replay what it missed since it was disabled.',
    );
    expect(log.deliveries.edges[0].node.status).toBe('FAILED');
    expect(log.deliveries.edges[0].node.attempts.map((a: { httpStatus: number | null }) => a.httpStatus)).toEqual([500, null, 502, 500]);
    expect(log.deliveries.edges[0].node.attempts[1].error).toContain('No answer');
    await eventually(() => {
      const told = tap.ofType('webhooks.endpoint.disabled').filter((e) => e.payload.endpointId === id);
      expect(told.map((e) => e.payload)).toEqual([{ endpointId: id, orgId, url: receiver.url('/dead'), reason: log.disabledReason, adminIds: [admin.id] }]);
    });

    const missed = messageSent(support, 'while disabled');
    await tap.publish(missed);
    await tap.publish(messageSent(sales, 'another group'));
    const disabledAt = (
      await graphql(
        url,
        `
          query ($id: ID!) {
            webhookEndpoint(id: $id) {
              disabledAt
            }
          }
        `,
        { id },
        await adminToken(),
      )
    ).data!.webhookEndpoint.disabledAt;
    await eventually(async () => {
      const [{ n }] = (await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM webhook_events WHERE id = $1`, [missed.id])) as { n: number }[];
      expect(n).toBe(1);
    });
    const resumed = await graphql(
      url,
      `
        mutation ($id: ID!) {
          resumeWebhookEndpoint(input: { id: $id }) {
            endpoint {
              status
              disabledReason
            }
          }
        }
      `,
      { id },
      await adminToken(),
    );
    expect(resumed.data!.resumeWebhookEndpoint.endpoint).toEqual({ status: 'ACTIVE', disabledReason: null });
    const replay = await graphql(
      url,
      `
        mutation ($i: ReplayWebhookEventsInput!) {
          replayWebhookEvents(input: $i) {
            queued
          }
        }
      `,
      { i: { endpointId: id, since: disabledAt } },
      await adminToken(),
    );
    expect(replay.data!.replayWebhookEvents.queued).toBe(1);
    await eventually(() => expect(receiver.at('/dead')).toHaveLength(5));
    expect(receiver.at('/dead')[4]).toMatchObject({ id: missed.id, body: { redelivery: true, data: { message: { text: 'while disabled' } } } });
  });

  it('re-sends one delivery and replays everything since a time, marked as redeliveries with the same webhook-id', async () => {
    const id = await endpointAt('/replayed', { eventTypes: ['MESSAGE_SENT'], groupIds: [sales] });
    const since = new Date().toISOString();
    const events = [messageSent(sales, 'r1'), messageSent(sales, 'r2')];
    for (const event of events) await tap.publish(event);
    await eventually(() => expect(receiver.at('/replayed')).toHaveLength(2));
    const first = (await deliveriesOf(id)).deliveries.edges.at(-1).node;
    const again = await graphql(
      url,
      `
        mutation ($d: ID!) {
          redeliverWebhook(input: { deliveryId: $d }) {
            delivery {
              eventId
              redelivery
            }
          }
        }
      `,
      { d: first.id },
      await adminToken(),
    );
    expect(again.data!.redeliverWebhook.delivery).toEqual({ eventId: first.eventId, redelivery: true });
    await eventually(() => expect(receiver.at('/replayed')).toHaveLength(3));
    expect(receiver.at('/replayed')[2]).toMatchObject({ id: first.eventId, body: { redelivery: true } });

    const replay = await graphql(
      url,
      `
        mutation ($i: ReplayWebhookEventsInput!) {
          replayWebhookEvents(input: $i) {
            queued
          }
        }
      `,
      { i: { endpointId: id, since } },
      await adminToken(),
    );
    expect(replay.data!.replayWebhookEvents.queued).toBe(2);
    await eventually(() => expect(receiver.at('/replayed')).toHaveLength(5));
    expect(
      receiver
        .at('/replayed')
        .slice(3)
        .map((r) => [r.id, r.body.redelivery]),
    ).toEqual(events.map((e) => [e.id, true]));
  });

  it('signs with both secrets while a rotation overlaps, and with the new one alone after it', async () => {
    const id = await endpointAt('/rotated', { eventTypes: ['MESSAGE_SENT'], groupIds: [salesEast] });
    const [oldSecret] = receiver.secrets.get('/rotated')!;
    const rotate = async (overlapSeconds: number) => {
      const res = await graphql(
        url,
        `
          mutation ($i: RotateWebhookSecretInput!) {
            rotateWebhookSecret(input: $i) {
              signingSecret
              endpoint {
                previousSecretExpiresAt
              }
            }
          }
        `,
        { i: { id, overlapSeconds } },
        await adminToken(),
      );
      expect(res.errors).toBeUndefined();
      return res.data!.rotateWebhookSecret;
    };
    const overlapping = await rotate(3600);
    expect(overlapping.endpoint.previousSecretExpiresAt).not.toBeNull();
    receiver.secrets.set('/rotated', [oldSecret!, overlapping.signingSecret]);
    await tap.publish(messageSent(salesEast, 'during'));
    await eventually(() => expect(receiver.at('/rotated')).toHaveLength(1));
    expect(receiver.at('/rotated')[0]!.verifiedWith).toEqual([oldSecret, overlapping.signingSecret]);

    const clean = await rotate(0);
    expect(clean.endpoint.previousSecretExpiresAt).toBeNull();
    receiver.secrets.set('/rotated', [oldSecret!, overlapping.signingSecret, clean.signingSecret]);
    await tap.publish(messageSent(salesEast, 'after'));
    await eventually(() => expect(receiver.at('/rotated')).toHaveLength(2));
    expect(receiver.at('/rotated')[1]!.verifiedWith).toEqual([clean.signingSecret]);
  });

  it('sends nothing to a paused endpoint, and nothing to anyone for a private group', async () => {
    const id = await endpointAt('/paused', { eventTypes: ['MESSAGE_SENT'] });
    const paused = await graphql(
      url,
      `
        mutation ($id: ID!) {
          pauseWebhookEndpoint(input: { id: $id }) {
            endpoint {
              status
              pausedAt
            }
          }
        }
      `,
      { id },
      await adminToken(),
    );
    expect(paused.data!.pauseWebhookEndpoint.endpoint).toEqual({ status: 'PAUSED', pausedAt: expect.any(String) });
    const watcher = await endpointAt('/watcher', { eventTypes: ['MESSAGE_SENT'] });
    const privateGroup = randomUUID();
    await tap.publish(
      createEvent('messaging.message.sent', {
        key: privateGroup,
        orgId: null,
        payload: { messageId: randomUUID(), groupId: privateGroup, authorId: member.id, text: 'private', sentAt: new Date().toISOString() },
      }),
    );
    await tap.publish(messageSent(support, 'after the pause'));
    await eventually(() => expect(receiver.at('/watcher')).toHaveLength(1));
    expect(receiver.at('/watcher')[0]!.body.data).toMatchObject({ message: { text: 'after the pause' } });
    expect(receiver.at('/paused')).toHaveLength(0);
    expect((await deliveriesOf(id)).deliveries.edges).toHaveLength(0);
    void watcher;
  });

  it('forgets finished deliveries and their events after the retention, keeping what is still pending', async () => {
    const id = await endpointAt('/retained', { eventTypes: ['MESSAGE_SENT'], groupIds: [support] });
    const old = messageSent(support, 'long ago');
    await tap.publish(old);
    await eventually(() => expect(receiver.at('/retained')).toHaveLength(1));
    await eventually(async () =>
      expect((await deliveriesOf(id)).deliveries.edges.map((e: { node: { status: string } }) => e.node.status)).toEqual(['DELIVERED']),
    );
    const db = app.runtime.dataSource;
    // Every endpoint that got it (others follow the whole organisation) got it long ago.
    await db.query(`UPDATE webhook_deliveries SET created_at = now() - interval '40 days' WHERE event_id = $1`, [old.id]);
    await db.query(`UPDATE webhook_events SET recorded_at = now() - interval '40 days' WHERE id = $1`, [old.id]);
    // A pending delivery as old: kept, and its event with it.
    const [pending] = (await db.query(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, lane, status, redelivery, created_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'PENDING', true, now() - interval '40 days') RETURNING id`,
      [id, old.id, support],
    )) as { id: string }[];
    await db.query(`UPDATE webhook_endpoints SET status = 'PAUSED' WHERE id = $1`, [id]);

    expect(await app.services.retention.sweepOnce()).toBeGreaterThanOrEqual(1);
    expect((await deliveriesOf(id)).deliveries.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([pending!.id]);
    expect(await db.query(`SELECT 1 FROM webhook_events WHERE id = $1`, [old.id])).toHaveLength(1);

    // Once no delivery carries it (whole-organisation endpoints of other tests may still be sending it), it goes.
    await db.query(`DELETE FROM webhook_deliveries WHERE event_id = $1`, [old.id]);
    expect(await app.services.retention.sweepOnce()).toBeGreaterThanOrEqual(1);
    expect(await db.query(`SELECT 1 FROM webhook_events WHERE id = $1`, [old.id])).toHaveLength(0);
  });
});

import { randomUUID } from 'node:crypto';
import { createEvent } from '@kz/events';
import { createIdentityApp, loadIdentityConfig, type IdentityApp } from '@kz/identity-service';
import { deleteTestTopics, dropTestDatabases, eventually, EventTap, graphql, silentLogger, testDatabaseUrl, testNamespace } from '@kz/testing';

const ns = testNamespace();
const tap = new EventTap(ns);
let app: IdentityApp;
let base: string;
const APP_URL = 'https://chat.example.com';

const invited = (groupId: string, phones: string[], invitedBy: string, groupName = 'Night shift') =>
  createEvent('groups.phone-invitations.added', { key: groupId, orgId: null, payload: { groupId, groupName, invitedBy, phones } });

async function devSms(phone: string, purpose?: string): Promise<{ status: number; body?: string }> {
  const res = await fetch(`${base}/dev/sms?phone=${encodeURIComponent(phone)}${purpose ? `&purpose=${purpose}` : ''}`);
  return { status: res.status, ...((await res.json()) as { body?: string }) };
}

/** Every invitation text the development sink holds, per number. */
async function invitationsByPhone(phones: string[]): Promise<Map<string, number>> {
  const rows = (await app.runtime.dataSource.query(
    `SELECT phone, count(*)::int AS n FROM dev_sms_messages WHERE purpose = 'invitation' AND phone = ANY($1::text[]) GROUP BY phone`,
    [phones],
  )) as { phone: string; n: number }[];
  return new Map(rows.map((r) => [r.phone, r.n]));
}

async function signUp(phone: string, name: string): Promise<string> {
  await graphql(
    `${base}/graphql`,
    `
      mutation ($p: PhoneNumber!) {
        requestSignInCode(input: { phone: $p }) {
          expiresInSeconds
        }
      }
    `,
    { p: phone },
  );
  const code = /(\d{6})/.exec((await devSms(phone)).body!)![1]!;
  const res = await graphql(
    `${base}/graphql`,
    `
      mutation ($p: PhoneNumber!, $c: String!, $n: String) {
        signIn(input: { phone: $p, code: $c, displayName: $n }) {
          user {
            id
          }
        }
      }
    `,
    { p: phone, c: code, n: name },
  );
  return res.data!.signIn.user.id as string;
}

beforeAll(async () => {
  app = await createIdentityApp(
    loadIdentityConfig({
      NODE_ENV: 'test',
      IDENTITY_PORT: '0',
      IDENTITY_DATABASE_URL: testDatabaseUrl(ns, 'identity'),
      KAFKA_NAMESPACE: ns,
      APP_PUBLIC_URL: APP_URL,
    }),
    silentLogger(),
  );
  base = await app.start();
  await app.runtime.kafkaConnected();
});

afterAll(async () => {
  await tap.stop();
  await app.stop();
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

describe('texts to numbers invited to a group before they signed up', () => {
  it('texts each number who invited it to which group and where to sign in, apart from its sign-in codes, once however often it is announced', async () => {
    const inviter = await signUp('+14155550701', 'Ines Inviter');
    const groupId = randomUUID();
    const phones = ['+14155550702', '+14155550703'];
    const event = invited(groupId, phones, inviter);
    await tap.publish(event);
    await tap.publish(event); // delivered again
    await tap.publish(invited(groupId, [phones[0]!], inviter)); // the same number announced again for the same group
    const expected = `Ines Inviter added you to Night shift on Work chat. Sign in with this number to join: ${APP_URL}/sign-in?next=/chat/${groupId}`;
    await eventually(async () => {
      for (const phone of phones) expect(await devSms(phone, 'invitation')).toMatchObject({ status: 200, body: expected });
    });
    // Sign-in codes are read apart: none was sent to these numbers.
    expect((await devSms(phones[0]!)).status).toBe(404);
    expect((await devSms(phones[0]!, 'nonsense')).status).toBe(400);
    // Another group's invitation is a text of its own; an unknown inviter is "Someone".
    const other = randomUUID();
    await tap.publish(invited(other, [phones[0]!], randomUUID(), 'Day shift'));
    await eventually(async () => expect((await devSms(phones[0]!, 'invitation')).body).toMatch(/^Someone added you to Day shift on Work chat\./));
    await new Promise((r) => setTimeout(r, 1_500)); // a duplicate would have been sent by now
    expect(await invitationsByPhone(phones)).toEqual(
      new Map([
        [phones[0]!, 2],
        [phones[1]!, 1],
      ]),
    );
  });

  it('does not text a number that signed up before the text went out, nor one past its daily invitation limit', async () => {
    const inviter = await signUp('+14155550711', 'Ines');
    const member = '+14155550712';
    await signUp(member, 'Already here');
    const busy = '+14155550713';
    const groups = Array.from({ length: 12 }, () => randomUUID());
    await tap.publish(invited(randomUUID(), [member], inviter));
    for (const groupId of groups) await tap.publish(invited(groupId, [busy], inviter));
    await eventually(async () => {
      const states = (await app.runtime.dataSource.query(
        `SELECT phone, state, count(*)::int AS n FROM invitation_texts WHERE phone = ANY($1::text[]) GROUP BY phone, state ORDER BY phone, state`,
        [[member, busy]],
      )) as { phone: string; state: string; n: number }[];
      expect(states).toEqual([
        { phone: member, state: 'SKIPPED', n: 1 },
        { phone: busy, state: 'SENT', n: 10 },
        { phone: busy, state: 'SKIPPED', n: 2 },
      ]);
    });
    expect(await invitationsByPhone([member, busy])).toEqual(new Map([[busy, 10]]));
  });

  it('texts 10,000 numbers announced in batches of 2,000, once each though a batch is delivered twice', async () => {
    const inviter = await signUp('+14155550721', 'Bulk Admin');
    const groupId = randomUUID();
    const phones = Array.from({ length: 10_000 }, (_, i) => `+4477009${String(i).padStart(5, '0')}`);
    const events = Array.from({ length: 5 }, (_, i) => invited(groupId, phones.slice(i * 2_000, (i + 1) * 2_000), inviter, 'Everyone'));
    const started = Date.now();
    for (const event of events) await tap.publish(event);
    await tap.publish(events[2]!);
    await eventually(
      async () => {
        const [row] = (await app.runtime.dataSource.query(`SELECT count(*)::int AS n FROM invitation_texts WHERE group_id = $1 AND state = 'SENT'`, [
          groupId,
        ])) as { n: number }[];
        expect(row!.n).toBe(10_000);
      },
      { timeoutMs: 60_000 },
    );
    const counts = await invitationsByPhone(phones);
    expect(counts.size).toBe(10_000);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Recorded for the report, not asserted: the machine's speed varies.
    process.stdout.write(`10,000 invitation texts sent through the development sink in ${Date.now() - started} ms\n`);
  });
});

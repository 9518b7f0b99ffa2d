import { createIdentityApp, loadIdentityConfig, type IdentityApp } from '@kz/identity-service';
import { deleteTestTopics, dropTestDatabases, eventually, EventTap, graphql, silentLogger, testDatabaseUrl, testNamespace } from '@kz/testing';

const ns = testNamespace();
let app: IdentityApp;
let base: string;
let url: string;
const tap = new EventTap(ns);

const REQUEST_CODE = `mutation($phone: PhoneNumber!) { requestSignInCode(input: { phone: $phone }) { retryAfterSeconds expiresInSeconds } }`;
const SIGN_IN = `mutation($phone: PhoneNumber!, $code: String!, $name: String) {
  signIn(input: { phone: $phone, code: $code, displayName: $name }) { accessToken expiresInSeconds user { id displayName phone } }
}`;

async function lastCode(phone: string): Promise<string> {
  const res = await fetch(`${base}/dev/sms?phone=${encodeURIComponent(phone)}`);
  const body = (await res.json()) as { body: string };
  return /(\d{6})/.exec(body.body)![1]!;
}

beforeAll(async () => {
  app = await createIdentityApp(
    loadIdentityConfig({ NODE_ENV: 'test', IDENTITY_PORT: '0', IDENTITY_DATABASE_URL: testDatabaseUrl(ns, 'identity'), KAFKA_NAMESPACE: ns }),
    silentLogger(),
  );
  base = await app.start();
  url = `${base}/graphql`;
  await app.runtime.kafkaConnected();
  await tap.listen(['identityUsers', 'identityOrganizations']);
});

afterAll(async () => {
  await tap.stop();
  await app.stop();
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

describe('identity subgraph against PostgreSQL and Kafka', () => {
  it('signs a new number in with a one-time code and publishes user.registered once', async () => {
    const phone = '+14155550101';
    const requested = await graphql(url, REQUEST_CODE, { phone: '(415) 555-0101' });
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.requestSignInCode).toEqual({ retryAfterSeconds: 30, expiresInSeconds: 300 });

    const signedIn = await graphql(url, SIGN_IN, { phone, code: await lastCode(phone), name: 'Asha' });
    expect(signedIn.errors).toBeUndefined();
    const { accessToken, user } = signedIn.data!.signIn;
    expect(user).toMatchObject({ displayName: 'Asha', phone });

    const me = await graphql(
      url,
      `
        {
          me {
            id
            phone
            displayName
            organizations {
              role
            }
          }
        }
      `,
      {},
      accessToken,
    );
    expect(me.data!.me).toEqual({ id: user.id, phone, displayName: 'Asha', organizations: [] });

    await eventually(() => expect(tap.ofType('identity.user.registered').map((e) => e.payload)).toEqual([{ userId: user.id, phone, displayName: 'Asha' }]));
  });

  it('refuses a reused code, and stops guessing after five wrong codes', async () => {
    const phone = '+14155550102';
    await graphql(url, REQUEST_CODE, { phone });
    const code = await lastCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await graphql(url, SIGN_IN, { phone, code: wrong });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const right = await graphql(url, SIGN_IN, { phone, code });
    expect(right.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/request a new one/) });
  });

  it('rate-limits code requests for one number and rejects malformed numbers with BAD_USER_INPUT', async () => {
    const again = await graphql(url, REQUEST_CODE, { phone: '+14155550102' });
    expect(again.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const bad = await graphql(url, REQUEST_CODE, { phone: '12' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/not a valid phone number/);
  });

  it('creates an organisation with its creator as admin, and hides it from others', async () => {
    const owner = await signIn('+14155550103', 'Owner');
    const other = await signIn('+14155550104', 'Other');
    const created = await graphql(
      url,
      `
        mutation {
          createOrganization(input: { name: " Contoso " }) {
            organization {
              id
              name
              myRole
            }
          }
        }
      `,
      {},
      owner,
    );
    expect(created.errors).toBeUndefined();
    const org = created.data!.createOrganization.organization;
    expect(org).toMatchObject({ name: 'Contoso', myRole: 'ADMIN' });

    const seen = await graphql(
      url,
      `
        query ($id: ID!) {
          organization(id: $id) {
            id
          }
        }
      `,
      { id: org.id },
      other,
    );
    expect(seen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const garbage = await graphql(
      url,
      `
        query {
          organization(id: "nope") {
            id
          }
        }
      `,
      {},
      owner,
    );
    expect(garbage.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    await eventually(() => {
      expect(tap.ofType('identity.organization.created').map((e) => e.payload.orgId)).toEqual([org.id]);
      expect(tap.ofType('identity.organization.member-added').map((e) => e.payload)).toEqual([
        expect.objectContaining({ orgId: org.id, role: 'ADMIN', network: 'EMPLOYEE' }),
      ]);
    });
  });

  it('refuses anonymous writes, forged tokens and serves its JWKS', async () => {
    const anon = await graphql(
      url,
      `
        mutation {
          createOrganization(input: { name: "X" }) {
            organization {
              id
            }
          }
        }
      `,
    );
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await graphql(
      url,
      `
        {
          me {
            id
          }
        }
      `,
      {},
      'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    );
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.data).toBeUndefined();
    const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: { kty: string; alg: string; d?: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', alg: 'ES256' });
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it('reports ready when PostgreSQL and Kafka answer', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { database: true, kafka: true } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

async function signIn(phone: string, name: string): Promise<string> {
  await graphql(url, REQUEST_CODE, { phone });
  const res = await graphql(url, SIGN_IN, { phone, code: await lastCode(phone), name });
  return res.data!.signIn.accessToken as string;
}

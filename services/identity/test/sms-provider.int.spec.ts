import { SUBGRAPH_SECRET_HEADER } from '@kz/server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIdentityApp, loadIdentityConfig, type IdentityApp } from '@kz/identity-service';
import { deleteTestTopics, dropTestDatabases, graphql, silentLogger, testDatabaseUrl, testNamespace } from '@kz/testing';

// In production the subgraph answers only callers with the shared secret: these requests stand in for the gateway's.
const SUBGRAPH_SECRET = 'a-test-subgraph-secret-of-at-least-32-characters';
const AS_GATEWAY = { [SUBGRAPH_SECRET_HEADER]: SUBGRAPH_SECRET };

const ns = testNamespace();
let app: IdentityApp;
let url = '';
let provider: Server;
let providerStatus = 200;
const delivered: { authorization?: string; body: { to: string; body: string } }[] = [];

beforeAll(async () => {
  // An SMS provider's HTTP endpoint, on this machine: what the adapter sends is what it receives.
  provider = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      delivered.push({ authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString()) });
      res.writeHead(providerStatus).end();
    });
  });
  await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
  app = await createIdentityApp(
    loadIdentityConfig({
      NODE_ENV: 'production',
      IDENTITY_PORT: '0',
      IDENTITY_DATABASE_URL: testDatabaseUrl(ns, 'identity'),
      KAFKA_NAMESPACE: ns,
      SIGN_IN_CODE_PEPPER: 'a-test-pepper-that-is-not-used-anywhere-else',
      SMS_SENDER: 'http',
      SMS_HTTP_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/messages`,
      SMS_HTTP_TOKEN: 'provider-token',
      APP_PUBLIC_URL: 'https://chat.example.com',
      SUBGRAPH_SECRET: SUBGRAPH_SECRET,
    }),
    silentLogger(),
  );
  url = await app.start();
});

afterAll(async () => {
  await app.stop();
  provider.closeAllConnections();
  await new Promise((r) => provider.close(r));
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

describe('one-time codes through an HTTP SMS provider, in production mode', () => {
  const REQUEST = `mutation($p: PhoneNumber!) { requestSignInCode(input: { phone: $p }) { expiresInSeconds } }`;

  it('posts the code to the provider and never to the API response or a development sink', async () => {
    const res = await graphql(`${url}/graphql`, REQUEST, { p: '+14155550901' }, undefined, AS_GATEWAY);
    expect(res.data).toEqual({ requestSignInCode: { expiresInSeconds: 300 } });
    expect(JSON.stringify(res)).not.toMatch(/\d{6}/);
    expect(delivered).toEqual([
      { authorization: 'Bearer provider-token', body: { to: '+14155550901', body: expect.stringMatching(/^Your sign-in code is \d{6}\./) } },
    ]);
    expect((await fetch(`${url}/dev/sms?phone=%2B14155550901`)).status).toBe(404);
  });

  it('reports a provider failure as an error without revealing the code', async () => {
    providerStatus = 503;
    const res = await graphql(`${url}/graphql`, REQUEST, { p: '+14155550902' }, undefined, AS_GATEWAY);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'UNAVAILABLE' }, message: expect.stringMatching(/could not send/) });
    expect(JSON.stringify(res)).not.toMatch(/\d{6}/);
    // The failed attempt does not hold the number in its cool-down.
    providerStatus = 200;
    expect((await graphql(`${url}/graphql`, REQUEST, { p: '+14155550902' }, undefined, AS_GATEWAY)).errors).toBeUndefined();
  });
});

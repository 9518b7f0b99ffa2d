import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayApp, loadGatewayConfig, type GatewayApp } from '@kz/gateway';
import { createGroupsApp, loadGroupsConfig, type GroupsApp } from '@kz/groups-service';
import { createIdentityApp, loadIdentityConfig, type IdentityApp } from '@kz/identity-service';
import { createImportApp, loadImportConfig, type ImportApp } from '@kz/import-service';
import { createMessagingApp, loadMessagingConfig, type MessagingApp } from '@kz/messaging-service';
import { deleteTestTopics, dropTestDatabases, graphql, silentLogger, testDatabaseUrl, testNamespace } from '@kz/testing';

/**
 * The whole stack in one test process: four subgraphs and the gateway on
 * ephemeral ports, each with its own database, all on a namespace of their own
 * in the real Kafka.
 */
export class Stack {
  readonly namespace = testNamespace();
  identity!: IdentityApp;
  groups!: GroupsApp;
  messaging!: MessagingApp;
  import!: ImportApp;
  gateway!: GatewayApp;
  identityUrl = '';
  groupsUrl = '';
  messagingUrl = '';
  importUrl = '';
  gatewayUrl = '';

  /** Attachments of this stack, removed with it. */
  readonly attachmentsDir = mkdtempSync(join(tmpdir(), 'kz-attachments-'));
  /** Uploaded import files cut into chunks, removed with the stack. */
  readonly importsDir = mkdtempSync(join(tmpdir(), 'kz-imports-'));

  constructor(
    private readonly kafkaBrokers?: string[],
    /** Settings of this stack's import service, e.g. small chunks or no workers. */
    private readonly importSettings: Record<string, string> = {},
  ) {}

  async start(): Promise<this> {
    const ns = this.namespace;
    const logger = silentLogger();
    const common = { NODE_ENV: 'test', KAFKA_NAMESPACE: ns, ...(this.kafkaBrokers ? { KAFKA_BROKERS: this.kafkaBrokers.join(',') } : {}) };
    this.identity = await createIdentityApp(
      loadIdentityConfig({
        ...common,
        IDENTITY_PORT: '0',
        IDENTITY_DATABASE_URL: testDatabaseUrl(ns, 'identity'),
        // Just past the verifiers' 5 s refetch cool-down, so a rotation test waits little.
        SIGNING_KEY_ACTIVATION_DELAY_SECONDS: '6',
      }),
      logger,
    );
    this.identityUrl = await this.identity.start();
    const auth = { AUTH_JWKS_URL: `${this.identityUrl}/.well-known/jwks.json` };
    this.groups = await createGroupsApp(
      loadGroupsConfig({
        ...common,
        ...auth,
        GROUPS_PORT: '0',
        GROUPS_DATABASE_URL: testDatabaseUrl(ns, 'groups'),
        IDENTITY_URL: `${this.identityUrl}/graphql`,
      }),
      logger,
    );
    this.messaging = await createMessagingApp(
      loadMessagingConfig({
        ...common,
        ...auth,
        MESSAGING_PORT: '0',
        MESSAGING_DATABASE_URL: testDatabaseUrl(ns, 'messaging'),
        ATTACHMENTS_DIR: this.attachmentsDir,
        ATTACHMENTS_MAX_BYTES: String(1024 * 1024),
      }),
      logger,
    );
    [this.groupsUrl, this.messagingUrl] = await Promise.all([this.groups.start(), this.messaging.start()]);
    this.import = await createImportApp(loadImportConfig(this.importEnv()), logger);
    this.importUrl = await this.import.start();
    this.gateway = this.newGateway();
    this.gatewayUrl = `${await this.gateway.start()}/graphql`;
    await Promise.all([this.identity, this.groups, this.messaging, this.import].map((app) => app.runtime.kafkaConnected()));
    return this;
  }

  /** The import service's environment in this stack (a test may start more import processes with it). */
  importEnv(env: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      KAFKA_NAMESPACE: this.namespace,
      ...(this.kafkaBrokers ? { KAFKA_BROKERS: this.kafkaBrokers.join(',') } : {}),
      AUTH_JWKS_URL: `${this.identityUrl}/.well-known/jwks.json`,
      IMPORT_PORT: '0',
      IMPORT_DATABASE_URL: testDatabaseUrl(this.namespace, 'import'),
      IDENTITY_URL: `${this.identityUrl}/graphql`,
      GROUPS_URL: `${this.groupsUrl}/graphql`,
      IMPORT_STORAGE_DIR: this.importsDir,
      IMPORT_JOB_LOCK_MS: '3000',
      ...this.importSettings,
      ...env,
    };
  }

  /** A gateway process's worth of gateway over this stack's subgraphs and Kafka namespace (started by the caller). */
  newGateway(env: Record<string, string> = {}): GatewayApp {
    return createGatewayApp(
      loadGatewayConfig({
        NODE_ENV: 'test',
        GATEWAY_PORT: '0',
        KAFKA_NAMESPACE: this.namespace,
        ...(this.kafkaBrokers ? { KAFKA_BROKERS: this.kafkaBrokers.join(',') } : {}),
        AUTH_JWKS_URL: `${this.identityUrl}/.well-known/jwks.json`,
        IDENTITY_URL: `${this.identityUrl}/graphql`,
        GROUPS_URL: `${this.groupsUrl}/graphql`,
        MESSAGING_URL: `${this.messagingUrl}/graphql`,
        IMPORT_URL: `${this.importUrl}/graphql`,
        ...env,
      }),
      silentLogger(),
    );
  }

  async stop(): Promise<void> {
    await this.gateway?.stop();
    await Promise.allSettled([this.identity, this.groups, this.messaging, this.import].map((app) => app?.stop()));
    await dropTestDatabases(this.namespace);
    rmSync(this.attachmentsDir, { recursive: true, force: true });
    rmSync(this.importsDir, { recursive: true, force: true });
    await deleteTestTopics(this.namespace, this.kafkaBrokers).catch(() => undefined);
  }

  /** Signs a phone number in through the gateway, reading the code from the development SMS sink. */
  async signIn(phone: string, displayName: string): Promise<{ token: string; refreshToken: string; userId: string }> {
    const requested = await graphql(this.gatewayUrl, `mutation($p: PhoneNumber!) { requestSignInCode(input: { phone: $p }) { expiresInSeconds } }`, { p: phone });
    if (requested.errors) throw new Error(JSON.stringify(requested.errors));
    const sms = (await (await fetch(`${this.identityUrl}/dev/sms?phone=${encodeURIComponent(phone)}`)).json()) as { body: string };
    const code = /(\d{6})/.exec(sms.body)![1];
    const res = await graphql(
      this.gatewayUrl,
      `mutation($p: PhoneNumber!, $c: String!, $n: String) { signIn(input: { phone: $p, code: $c, displayName: $n }) { accessToken refreshToken user { id } } }`,
      { p: phone, c: code, n: displayName },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return { token: res.data!.signIn.accessToken, refreshToken: res.data!.signIn.refreshToken, userId: res.data!.signIn.user.id };
  }
}

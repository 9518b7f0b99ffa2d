import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayApp, loadGatewayConfig, type GatewayApp } from '@kz/gateway';
import { createGroupsApp, loadGroupsConfig, type GroupsApp } from '@kz/groups-service';
import { createIdentityApp, loadIdentityConfig, type IdentityApp } from '@kz/identity-service';
import { createImportApp, loadImportConfig, type ImportApp } from '@kz/import-service';
import { createMessagingApp, loadMessagingConfig, type MessagingApp } from '@kz/messaging-service';
import { createWebhooksApp, loadWebhooksConfig, type WebhooksApp } from '@kz/webhooks-service';
import { freePort, MACHINE_KAFKA_BROKERS, serviceSpec, signInWithDevCode, TOPOLOGY, wiringEnv, type ServiceName, type SignedIn, type Wiring } from '@kz/stack';
import { deleteTestTopics, dropTestDatabases, eventually, graphql, silentLogger, testDatabaseUrl, testNamespace } from '@kz/testing';

/**
 * The whole stack in one test process: five subgraphs and the gateway on
 * free ports, each with its own database, all on a namespace of their own
 * in the real Kafka, wired as the topology in @kz/stack declares.
 */
export class Stack {
  readonly namespace = testNamespace();
  identity!: IdentityApp;
  groups!: GroupsApp;
  messaging!: MessagingApp;
  import!: ImportApp;
  webhooks!: WebhooksApp;
  gateway!: GatewayApp;

  /** What the gateway and peer services send the subgraphs; tests that call a subgraph directly send it too. */
  readonly subgraphSecret = randomBytes(32).toString('hex');
  /** Attachments of this stack, removed with it. */
  readonly attachmentsDir = mkdtempSync(join(tmpdir(), 'kz-attachments-'));
  /** Uploaded import files cut into chunks, removed with the stack. */
  readonly importsDir = mkdtempSync(join(tmpdir(), 'kz-imports-'));

  /** Each service's address, known before any starts (identity is told its own). */
  private readonly bases = new Map<ServiceName, string>();
  private readonly wiring: Wiring;

  constructor(
    private readonly kafkaBrokers: readonly string[] = MACHINE_KAFKA_BROKERS,
    /** Settings of this stack's import service, e.g. small chunks or no workers. */
    private readonly importSettings: Record<string, string> = {},
    /** Settings of this stack's messaging service, e.g. where attachments are stored. */
    private readonly messagingSettings: Record<string, string> = {},
  ) {
    this.wiring = {
      base: (service) => {
        const base = this.bases.get(service);
        if (!base) throw new Error(`${service} has no port yet`);
        return base;
      },
      databaseUrl: (service) => testDatabaseUrl(this.namespace, service),
      kafkaNamespace: this.namespace,
      kafkaBrokers: this.kafkaBrokers,
      subgraphSecret: this.subgraphSecret,
    };
  }

  get identityUrl(): string {
    return this.bases.get('identity') ?? '';
  }
  get groupsUrl(): string {
    return this.bases.get('groups') ?? '';
  }
  get messagingUrl(): string {
    return this.bases.get('messaging') ?? '';
  }
  get importUrl(): string {
    return this.bases.get('import') ?? '';
  }
  get webhooksUrl(): string {
    return this.bases.get('webhooks') ?? '';
  }
  get gatewayUrl(): string {
    const base = this.bases.get('gateway');
    return base ? `${base}/graphql` : '';
  }

  async start(): Promise<this> {
    for (const spec of TOPOLOGY) this.bases.set(spec.name, `http://127.0.0.1:${await freePort()}`);
    const logger = silentLogger();
    this.identity = await createIdentityApp(
      // Signing keys activate just past the verifiers' 5 s refetch cool-down; invitation texts link to this stack's gateway.
      loadIdentityConfig(this.env('identity', { SIGNING_KEY_ACTIVATION_DELAY_SECONDS: '6', APP_PUBLIC_URL: this.wiring.base('gateway') })),
      logger,
    );
    await this.identity.start();
    this.groups = await createGroupsApp(loadGroupsConfig(this.env('groups')), logger);
    this.messaging = await createMessagingApp(
      loadMessagingConfig(
        this.env('messaging', { ATTACHMENTS_DIR: this.attachmentsDir, ATTACHMENTS_MAX_BYTES: String(1024 * 1024), ...this.messagingSettings }),
      ),
      logger,
    );
    // Webhook receivers of the tests listen on loopback.
    this.webhooks = await createWebhooksApp(loadWebhooksConfig(this.env('webhooks', { WEBHOOKS_ALLOWED_CIDRS: '127.0.0.1/32' })), logger);
    await Promise.all([this.groups.start(), this.messaging.start(), this.webhooks.start()]);
    // Import's workers call groups directly, so it starts once groups answers.
    this.import = await createImportApp(loadImportConfig(this.env('import', this.importSettingsEnv())), logger);
    await this.import.start();
    this.gateway = createGatewayApp(loadGatewayConfig(this.env('gateway')), silentLogger());
    await this.gateway.start();
    await Promise.all([this.identity, this.groups, this.messaging, this.import, this.webhooks].map((app) => app.runtime.kafkaConnected()));
    return this;
  }

  /** The environment of a further import process of this stack (e.g. a chunk worker), on a port of its own. */
  importEnv(env: Record<string, string> = {}): Record<string, string> {
    return this.env('import', { ...this.importSettingsEnv(), IMPORT_PORT: '0', ...env });
  }

  private importSettingsEnv(): Record<string, string> {
    return { IMPORT_STORAGE_DIR: this.importsDir, IMPORT_JOB_LOCK_MS: '3000', ...this.importSettings };
  }

  /** A further gateway process's worth of gateway over this stack's subgraphs and Kafka namespace, on a port of its own (started by the caller). */
  newGateway(env: Record<string, string> = {}): GatewayApp {
    return createGatewayApp(loadGatewayConfig(this.env('gateway', { GATEWAY_PORT: '0', ...env })), silentLogger());
  }

  async stop(): Promise<void> {
    await this.gateway?.stop();
    await Promise.allSettled([this.identity, this.groups, this.messaging, this.import, this.webhooks].map((app) => app?.stop()));
    await dropTestDatabases(this.namespace);
    rmSync(this.attachmentsDir, { recursive: true, force: true });
    rmSync(this.importsDir, { recursive: true, force: true });
    await deleteTestTopics(this.namespace, [...this.kafkaBrokers]).catch(() => undefined);
  }

  /** Signs a phone number in through the gateway, reading the code from the development SMS sink. */
  signIn(phone: string, displayName: string): Promise<SignedIn> {
    return signInWithDevCode(this.gatewayUrl, this.identityUrl, phone, displayName);
  }

  /**
   * Waits until the groups service has heard of a person's sign-up: before that, adding them by phone leaves them
   * pending, and they join later on their own (an entry of their own, with no one who added them).
   */
  async knownToGroups(userId: string): Promise<void> {
    await eventually(async () => {
      const rows = (await this.groups.runtime.dataSource.query(`SELECT 1 FROM known_users WHERE id = $1`, [userId])) as unknown[];
      if (rows.length === 0) throw new Error(`groups has not heard of user ${userId} yet`);
    });
  }

  /**
   * A new organisation of the admin's and one of its groups; the group is created once the groups service has heard
   * that its creator administers the organisation.
   */
  async organizationWithGroup(adminToken: string, organizationName: string, groupName: string): Promise<{ orgId: string; groupId: string }> {
    const org = await graphql(
      this.gatewayUrl,
      `
        mutation ($n: String!) {
          createOrganization(input: { name: $n }) {
            organization {
              id
            }
          }
        }
      `,
      { n: organizationName },
      adminToken,
    );
    if (org.errors) throw new Error(`createOrganization: ${JSON.stringify(org.errors)}`);
    const orgId = org.data!.createOrganization.organization.id as string;
    const groupId = await eventually(async () => {
      const group = await graphql(
        this.gatewayUrl,
        `
          mutation ($i: CreateGroupInput!) {
            createGroup(input: $i) {
              group {
                id
              }
            }
          }
        `,
        { i: { name: groupName, organizationId: orgId } },
        adminToken,
      );
      if (group.errors) throw new Error(`createGroup: ${JSON.stringify(group.errors)}`);
      return group.data!.createGroup.group.id as string;
    });
    return { orgId, groupId };
  }

  /** Registers a connector of an organisation (as its admin) and issues it an access token, as a partner would. */
  async connectorToken(adminToken: string, organizationId: string, name: string, permissions: string[]): Promise<string> {
    const registered = await graphql(
      this.gatewayUrl,
      `
        mutation ($i: RegisterConnectorInput!) {
          registerConnector(input: $i) {
            clientSecret
            connector {
              clientId
            }
          }
        }
      `,
      { i: { organizationId, name, permissions } },
      adminToken,
    );
    if (registered.errors) throw new Error(`registerConnector: ${JSON.stringify(registered.errors)}`);
    const { clientSecret, connector } = registered.data!.registerConnector;
    const issued = await graphql(
      this.gatewayUrl,
      `
        mutation ($i: IssueConnectorTokenInput!) {
          issueConnectorToken(input: $i) {
            accessToken
          }
        }
      `,
      {
        i: { clientId: connector.clientId, clientSecret },
      },
    );
    if (issued.errors) throw new Error(`issueConnectorToken: ${JSON.stringify(issued.errors)}`);
    return issued.data!.issueConnectorToken.accessToken as string;
  }

  /** A service's environment: its own port, wired to the others. */
  private env(service: ServiceName, extra: Record<string, string> = {}): Record<string, string> {
    const port = Number(new URL(this.wiring.base(service)).port);
    return { NODE_ENV: 'test', ...wiringEnv(serviceSpec(service), port, this.wiring), ...extra };
  }
}

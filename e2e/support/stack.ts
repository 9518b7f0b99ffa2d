import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayApp, loadGatewayConfig, type GatewayApp } from '@kz/gateway';
import { createGroupsApp, loadGroupsConfig, type GroupsApp } from '@kz/groups-service';
import { createIdentityApp, loadIdentityConfig, type IdentityApp } from '@kz/identity-service';
import { createImportApp, loadImportConfig, type ImportApp } from '@kz/import-service';
import { createMessagingApp, loadMessagingConfig, type MessagingApp } from '@kz/messaging-service';
import { MACHINE_KAFKA_BROKERS, serviceSpec, signInWithDevCode, wiringEnv, type ServiceName, type SignedIn, type Wiring } from '@kz/stack';
import { deleteTestTopics, dropTestDatabases, silentLogger, testDatabaseUrl, testNamespace } from '@kz/testing';

/**
 * The whole stack in one test process: four subgraphs and the gateway on
 * ephemeral ports, each with its own database, all on a namespace of their own
 * in the real Kafka, wired as the topology in @kz/stack declares.
 */
export class Stack {
  readonly namespace = testNamespace();
  identity!: IdentityApp;
  groups!: GroupsApp;
  messaging!: MessagingApp;
  import!: ImportApp;
  gateway!: GatewayApp;

  /** Attachments of this stack, removed with it. */
  readonly attachmentsDir = mkdtempSync(join(tmpdir(), 'kz-attachments-'));
  /** Uploaded import files cut into chunks, removed with the stack. */
  readonly importsDir = mkdtempSync(join(tmpdir(), 'kz-imports-'));

  private readonly bases = new Map<ServiceName, string>();
  private readonly wiring: Wiring;

  constructor(
    private readonly kafkaBrokers: readonly string[] = MACHINE_KAFKA_BROKERS,
    /** Settings of this stack's import service, e.g. small chunks or no workers. */
    private readonly importSettings: Record<string, string> = {},
  ) {
    this.wiring = {
      base: (service) => {
        const base = this.bases.get(service);
        if (!base) throw new Error(`${service} is not started yet`);
        return base;
      },
      databaseUrl: (service) => testDatabaseUrl(this.namespace, service),
      kafkaNamespace: this.namespace,
      kafkaBrokers: this.kafkaBrokers,
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
  get gatewayUrl(): string {
    const base = this.bases.get('gateway');
    return base ? `${base}/graphql` : '';
  }

  async start(): Promise<this> {
    const logger = silentLogger();
    this.identity = await createIdentityApp(
      loadIdentityConfig(this.env('identity', { SIGNING_KEY_ACTIVATION_DELAY_SECONDS: '6' })), // just past the verifiers' 5 s refetch cool-down
      logger,
    );
    this.bases.set('identity', await this.identity.start());
    this.groups = await createGroupsApp(loadGroupsConfig(this.env('groups')), logger);
    this.messaging = await createMessagingApp(
      loadMessagingConfig(this.env('messaging', { ATTACHMENTS_DIR: this.attachmentsDir, ATTACHMENTS_MAX_BYTES: String(1024 * 1024) })),
      logger,
    );
    const [groups, messaging] = await Promise.all([this.groups.start(), this.messaging.start()]);
    this.bases.set('groups', groups).set('messaging', messaging);
    // Import's workers call groups directly, so it starts once groups answers.
    this.import = await createImportApp(loadImportConfig(this.importEnv()), logger);
    this.bases.set('import', await this.import.start());
    this.gateway = this.newGateway();
    this.bases.set('gateway', await this.gateway.start());
    await Promise.all([this.identity, this.groups, this.messaging, this.import].map((app) => app.runtime.kafkaConnected()));
    return this;
  }

  /** The import service's environment in this stack (a test may start more import processes with it). */
  importEnv(env: Record<string, string> = {}): Record<string, string> {
    return this.env('import', { IMPORT_STORAGE_DIR: this.importsDir, IMPORT_JOB_LOCK_MS: '3000', ...this.importSettings, ...env });
  }

  /** A gateway process's worth of gateway over this stack's subgraphs and Kafka namespace (started by the caller). */
  newGateway(env: Record<string, string> = {}): GatewayApp {
    return createGatewayApp(loadGatewayConfig(this.env('gateway', env)), silentLogger());
  }

  async stop(): Promise<void> {
    await this.gateway?.stop();
    await Promise.allSettled([this.identity, this.groups, this.messaging, this.import].map((app) => app?.stop()));
    await dropTestDatabases(this.namespace);
    rmSync(this.attachmentsDir, { recursive: true, force: true });
    rmSync(this.importsDir, { recursive: true, force: true });
    await deleteTestTopics(this.namespace, [...this.kafkaBrokers]).catch(() => undefined);
  }

  /** Signs a phone number in through the gateway, reading the code from the development SMS sink. */
  signIn(phone: string, displayName: string): Promise<SignedIn> {
    return signInWithDevCode(this.gatewayUrl, this.identityUrl, phone, displayName);
  }

  /** A service's environment on an ephemeral port, wired to the services started before it. */
  private env(service: ServiceName, extra: Record<string, string> = {}): Record<string, string> {
    return { NODE_ENV: 'test', ...wiringEnv(serviceSpec(service), 0, this.wiring), ...extra };
  }
}

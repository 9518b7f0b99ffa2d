import type { TopicKey } from '@kz/events';
import { createMessagingApp, loadMessagingConfig, type MessagingApp } from '@kz/messaging-service';
import { deleteTestTopics, dropTestDatabases, EventTap, silentLogger, testDatabaseUrl, testNamespace, TestTokenIssuer } from '@kz/testing';

/**
 * The messaging subgraph alone, for one spec file: its own database and Kafka namespace, people's tokens from a
 * test issuer, and a tap on that namespace to publish the other services' events and hear messaging's own.
 */
export class MessagingUnderTest {
  readonly namespace = testNamespace();
  readonly issuer = new TestTokenIssuer();
  readonly tap = new EventTap(this.namespace);
  app!: MessagingApp;
  /** The subgraph's GraphQL endpoint, once started. */
  url = '';

  /** Starts the issuer and the subgraph, connected to Kafka, with the tap listening on `topics`; `env` adds settings. */
  async start(topics: TopicKey[] = [], env: Record<string, string> = {}): Promise<string> {
    await this.issuer.start();
    this.app = await createMessagingApp(
      loadMessagingConfig({
        NODE_ENV: 'test',
        MESSAGING_PORT: '0',
        MESSAGING_DATABASE_URL: testDatabaseUrl(this.namespace, 'messaging'),
        KAFKA_NAMESPACE: this.namespace,
        ...this.issuer.env(),
        ...env,
      }),
      silentLogger(),
    );
    this.url = `${await this.app.start()}/graphql`;
    await this.app.runtime.kafkaConnected();
    if (topics.length > 0) await this.tap.listen(topics);
    return this.url;
  }

  token(who: { id: string; phone: string }): Promise<string> {
    return this.issuer.token(who.id, who.phone);
  }

  async stop(): Promise<void> {
    await this.tap.stop();
    await this.app?.stop();
    await this.issuer.stop();
    await dropTestDatabases(this.namespace);
    await deleteTestTopics(this.namespace);
  }
}

import { graphql, mustQuery, PrivateKafka, eventually, type RunningProcess } from '@kz/stack';
import { WebhookReceiver } from '@kz/testing';
import { sleep, type Drill, type DrillResult } from '../drill';
import { orgAdminWithGroup } from '../imports';
import { onCleanup } from '../interrupt';
import { DrillStack } from '../stack';

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const REGISTER = `mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) { signingSecret } }`;
const ENDPOINTS = ['/a', '/b', '/c'];

/**
 * Webhook deliveries through faults: two webhooks processes share the consumer group and the delivery queue, one
 * of them is killed (SIGKILL) mid-stream, and then the stack's Kafka broker (a private one) is stopped and started
 * again, while messages are sent at a steady rate. Every message answered OK must reach every endpoint, with a
 * valid signature, and none twice except as a marked redelivery.
 */
export const webhookDelivery: Drill = {
  name: 'webhook-delivery',
  description: 'a webhooks process killed, then Kafka stopped, while messages stream to three signed endpoints',
  async run({ settings, log }): Promise<DrillResult> {
    const outageMs = settings.smoke ? 8_000 : 30_000;
    const rate = 10;
    const kafka = new PrivateKafka();
    const receiver = new WebhookReceiver();
    let stack: DrillStack | undefined;
    let ok = false;
    let sending = false;
    const cleanup = async () => {
      sending = false;
      await stack?.stop({ keepLogs: !ok });
      await kafka.destroy();
      await receiver.stop();
    };
    const forget = onCleanup(cleanup);
    try {
      await kafka.init();
      await kafka.start();
      await receiver.start();
      stack = new DrillStack({ kafkaBrokers: kafka.brokers });
      log(`starting the stack and a second webhooks process (namespace ${stack.namespace})`);
      await stack.start();
      const victim: RunningProcess = await stack.startInstance('webhooks', { name: 'webhooks-worker-1' });
      const gateway = (await stack.startGateway()).url;
      const admin = await orgAdminWithGroup(stack, '+14155550181', 'Webhook Drill');
      for (const path of ENDPOINTS) {
        const registered = await eventually(
          'webhooks hearing of the organisation admin',
          () => mustQuery(gateway, REGISTER, { i: { organizationId: admin.orgId, url: receiver.url(path), eventTypes: ['MESSAGE_SENT'] } }, admin.token),
          60_000,
          250,
        );
        receiver.secrets.set(path, [registered.registerWebhookEndpoint.signingSecret as string]);
      }
      await eventually(
        'messaging learning the group',
        () => mustQuery(gateway, SEND, { i: { groupId: admin.groupId, text: 'warm-up' } }, admin.token),
        60_000,
        200,
      );

      const sent: string[] = [];
      let failedSends = 0;
      sending = true;
      const sender = (async () => {
        for (let seq = 0; sending; seq++) {
          const startedAt = Date.now();
          const res = await graphql(gateway, SEND, { i: { groupId: admin.groupId, text: `webhook drill ${seq}` } }, admin.token).catch(() => null);
          const id = res?.data?.sendMessage?.message?.id as string | undefined;
          if (id && !res?.errors?.length) sent.push(id);
          else failedSends++;
          await sleep(Math.max(0, 1_000 / rate - (Date.now() - startedAt)));
        }
      })();

      await sleep(3_000);
      log('killing the second webhooks process (SIGKILL)');
      stack.processes.kill(victim.proc, 'SIGKILL');
      await sleep(3_000);
      log(`stopping the private broker for ${outageMs / 1000} s`);
      await kafka.stop();
      await sleep(outageMs);
      log('starting the broker again');
      await kafka.start();
      await sleep(5_000);
      sending = false;
      await sender;

      log(`waiting for ${sent.length} messages at each of ${ENDPOINTS.length} endpoints`);
      const messageIdsAt = (path: string) => receiver.at(path).map((r) => (r.body.data as { message?: { id?: string } }).message?.id);
      const missingAt = () => ENDPOINTS.map((path) => sent.filter((id) => !messageIdsAt(path).includes(id)).length);
      await eventually(
        'every message at every endpoint',
        async () => {
          const missing = missingAt();
          if (missing.some((n) => n > 0)) throw new Error(`missing per endpoint: ${missing.join(', ')}`);
        },
        180_000,
        500,
      ).catch(() => undefined);

      const problems: string[] = [];
      const missing = missingAt();
      if (missing.some((n) => n > 0)) problems.push(`messages missing per endpoint after 3 minutes: ${missing.join(', ')} of ${sent.length}`);
      if (failedSends > 0) problems.push(`${failedSends} sends failed (writes must go on while a webhooks process or Kafka is away)`);
      for (const path of ENDPOINTS) {
        const firsts = receiver.at(path).filter((r) => !r.body.redelivery);
        const repeats = firsts.length - new Set(firsts.map((r) => r.id)).size;
        if (repeats > 0) problems.push(`${repeats} deliveries to ${path} came twice without being marked as redeliveries`);
        const unsigned = receiver.at(path).filter((r) => r.verifiedWith.length === 0).length;
        if (unsigned > 0) problems.push(`${unsigned} deliveries to ${path} did not verify with the endpoint's secret`);
      }
      if (!victim.proc.exited) problems.push('the killed webhooks process is still running');
      ok = problems.length === 0;
      const deliveries = ENDPOINTS.reduce((n, path) => n + receiver.at(path).length, 0);
      return {
        ok,
        figures: `${sent.length} messages × ${ENDPOINTS.length} endpoints, ${deliveries} deliveries received, a process killed and Kafka away ${outageMs / 1000} s`,
        problems,
        notes: [],
      };
    } finally {
      forget();
      await cleanup();
    }
  },
};

import { cpuMillis, graphql, memoryMiB } from '@kz/stack';
import { ms, percentile, sleep, type Drill, type DrillResult } from '../drill';
import { onCleanup } from '../interrupt';
import { hugeUrlGet, rawRequest, type RawAnswer, type RawRequest } from '../raw-http';
import { DrillStack, SUBGRAPHS, type RunningProcess } from '../stack';

const MiB = 1024 * 1024;

interface Case {
  name: string;
  /** Where it goes: the process whose memory and CPU are watched. */
  target: RunningProcess;
  /** What is sent: an HTTP request, or (for what HTTP clients will not send) a function of its own. */
  request?: RawRequest;
  send?: () => Promise<RawAnswer>;
  expect: { status: number; code: string };
}

interface Outcome {
  name: string;
  ok: boolean;
  answer: RawAnswer;
  expected: Case['expect'];
  /** Growth of the target's peak RSS while the case ran. */
  peakGrowthMiB: number;
  cpuMs: number;
}

/**
 * Hostile input at every HTTP endpoint while a normal query keeps being served:
 * each case must be answered with the expected HTTP status and a stable
 * extensions.code, quickly and without the server taking the whole body in.
 */
export const hostileInput: Drill = {
  name: 'hostile-input',
  description: 'depth bomb, alias flood, 10 MB query, 100 MB uploads, malformed UTF-8, million-column CSV; a normal query keeps working',
  async run({ log }): Promise<DrillResult> {
    const stack = new DrillStack();
    const forget = onCleanup(() => stack.stop({ keepLogs: true }));
    let ok = false;
    try {
      log(`starting the subgraphs and a gateway (namespace ${stack.namespace})`);
      await stack.start();
      await stack.startGateway();
      const owner = await stack.signIn('+14155550170', 'Drill Owner');
      const groupId = await stack.groupReadyForMessages(owner.token, 'Hostile input drill');
      const auth = { authorization: `Bearer ${owner.token}` };

      const cases = buildCases(stack, groupId, auth);
      const csv = await importUploadCase(stack, owner.token);
      if (csv.case) cases.push(csv.case);
      const background = normalQueries(stack.gateway.url, groupId, owner.token);
      const outcomes: Outcome[] = [];
      for (const c of cases) {
        const before = memoryMiB(c.target.proc.pid).peak;
        const cpuBefore = cpuMillis(c.target.proc.pid);
        const answer = c.send ? await c.send() : await rawRequest({ timeoutMs: 30_000, ...c.request! });
        // Let the server finish whatever it still does with the request before reading its figures.
        await sleep(200);
        const peakGrowthMiB = memoryMiB(c.target.proc.pid).peak - before;
        const cpuMs = cpuMillis(c.target.proc.pid) - cpuBefore;
        const good = answer.status === c.expect.status && answer.code === c.expect.code;
        outcomes.push({ name: c.name, ok: good, answer, expected: c.expect, peakGrowthMiB, cpuMs });
        log(`${good ? 'ok  ' : 'BAD '} ${c.name}: HTTP ${answer.status} ${answer.code ?? answer.error ?? answer.body.slice(0, 80)} in ${ms(answer.millis)}`);
      }
      const normal = await background.stop();

      const problems: string[] = [];
      for (const o of outcomes.filter((x) => !x.ok)) {
        problems.push(
          `${o.name}: expected HTTP ${o.expected.status} ${o.expected.code}, got ${o.answer.status ? `HTTP ${o.answer.status} ${o.answer.code ?? `body ${JSON.stringify(o.answer.body.slice(0, 120))}`}` : `no answer (${o.answer.error})`}`,
        );
      }
      for (const s of [...stack.subgraphs.values(), ...stack.gateways]) {
        if (s.proc.exited) problems.push(`${s.proc.name} exited during the drill (code ${s.proc.exited.code}, signal ${s.proc.exited.signal})`);
      }
      if (normal.failed > 0) problems.push(`${normal.failed} of ${normal.total} normal queries failed meanwhile (first: ${normal.firstFailure})`);
      if (normal.total === 0) problems.push('no normal query completed during the drill');
      ok = problems.length === 0;

      const worstGrowth = Math.max(...outcomes.map((o) => o.peakGrowthMiB));
      const slowest = outcomes.reduce((a, b) => (b.answer.millis > a.answer.millis ? b : a));
      const figures = [
        `${outcomes.filter((o) => o.ok).length}/${outcomes.length} cases answered as expected`,
        ...(csv.skipped ? [`1 skipped (${csv.skipped})`] : []),
        `slowest answer ${ms(slowest.answer.millis)} (${slowest.name})`,
        `largest peak-RSS growth ${worstGrowth.toFixed(0)} MiB`,
        `normal queries ${normal.total - normal.failed}/${normal.total} ok, p50 ${ms(percentile(normal.latencies, 50))}, p99 ${ms(percentile(normal.latencies, 99))}`,
      ].join('; ');
      const notes = [
        ...outcomes.map(
          (o) =>
            `${o.ok ? 'ok  ' : 'BAD '} ${o.name.padEnd(52)} HTTP ${String(o.answer.status).padEnd(3)} ${(o.answer.code ?? '-').padEnd(26)} ${ms(o.answer.millis).padStart(8)}  ` +
            `${(o.answer.bytesSent / MiB).toFixed(1)} MiB sent before the answer, server CPU ${ms(o.cpuMs)}, peak RSS +${o.peakGrowthMiB.toFixed(0)} MiB`,
        ),
        ...(csv.skipped ? [`skip ${'import /imports/<id>/file: CSV with 1,000,000 columns'.padEnd(52)} ${csv.skipped}`] : []),
      ];
      return { ok, figures, problems, notes };
    } finally {
      forget();
      await stack.stop({ keepLogs: !ok });
    }
  },
};

function buildCases(stack: DrillStack, groupId: string, auth: Record<string, string>): Case[] {
  const gateway = stack.gateway;
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const cases: Case[] = [];

  // Depth bombs of fields that exist (a group's parent's parent ...): past the depth limit, and past any sane nesting.
  const deep = (levels: number) => `query($id: ID!) { group(id: $id) { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
  cases.push({
    name: 'gateway: depth bomb (50 nested fields)',
    target: gateway,
    request: { url: gateway.url, headers: auth, body: json({ query: deep(50), variables: { id: groupId } }) },
    expect: { status: 400, code: 'BAD_USER_INPUT' },
  });
  cases.push({
    name: 'gateway: depth bomb (2,000 nested fields)',
    target: gateway,
    request: { url: gateway.url, headers: auth, body: json({ query: deep(2_000), variables: { id: groupId } }) },
    expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  });
  // A parser depth bomb: 100,000 nested selection sets (~0.6 MB), which a recursive parser cannot descend.
  const nested = `{ me ${'{ a '.repeat(100_000)}${'}'.repeat(100_000)} }`;
  cases.push({
    name: 'gateway: parser depth bomb (100,000 levels)',
    target: gateway,
    request: { url: gateway.url, headers: auth, body: json({ query: nested }) },
    expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  });
  // Alias floods of a field that costs a subgraph call: past the alias limit, and past the token limit.
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id displayName }`).join(' ')} }`;
  cases.push({
    name: 'gateway: alias flood (1,000 aliases)',
    target: gateway,
    request: { url: gateway.url, headers: auth, body: json({ query: aliases(1_000) }) },
    expect: { status: 400, code: 'BAD_USER_INPUT' },
  });
  cases.push({
    name: 'gateway: alias flood (10,000 aliases)',
    target: gateway,
    request: { url: gateway.url, headers: auth, body: json({ query: aliases(10_000) }) },
    expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  });
  // The same field repeated under one name: no aliases, but work for field-merging validation.
  cases.push({
    name: 'gateway: repeated field flood (50,000 copies)',
    target: gateway,
    request: { url: gateway.url, headers: auth, body: json({ query: `{ ${'me { id } '.repeat(50_000)} }` }) },
    expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  });
  // A 10 MB query document, in a POST body and in a GET URL.
  const big = `{ me { id } } # ${'x'.repeat(10 * 1_000_000)}`;
  cases.push({
    name: 'gateway: 10 MB query (POST)',
    target: gateway,
    request: { url: gateway.url, headers: auth, body: json({ query: big }) },
    expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  });
  cases.push({
    name: 'gateway: 10 MB query (GET URL)',
    target: gateway,
    send: () => hugeUrlGet(gateway.url, 10 * MiB, auth),
    expect: { status: 431, code: 'PAYLOAD_TOO_LARGE' },
  });

  const endpoints: { name: string; proc: RunningProcess }[] = [
    { name: 'gateway', proc: gateway },
    ...SUBGRAPHS.map((s) => ({ name: s, proc: stack.service(s) })),
  ];
  for (const { name, proc } of endpoints) {
    // A subgraph refuses GraphQL without the gateway's secret before reading it: the limits are tried as the gateway.
    const headers = name === 'gateway' ? auth : { ...auth, ...stack.asGateway };
    cases.push({
      name: `${name} /graphql: 100 MB body, Content-Length declared`,
      target: proc,
      request: { url: proc.url, headers, streamBytes: 100 * MiB, declareLength: true },
      expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    });
    cases.push({
      name: `${name} /graphql: 100 MB body, chunked`,
      target: proc,
      request: { url: proc.url, headers, streamBytes: 100 * MiB },
      expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    });
    // Invalid UTF-8 (here in a comment): decoding it leniently would turn it into U+FFFD and answer as if all were well.
    const malformed = Buffer.concat([Buffer.from('{"query":"{ __typename } # caf'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]);
    cases.push({
      name: `${name} /graphql: malformed UTF-8 body`,
      target: proc,
      request: { url: proc.url, headers, body: malformed },
      expect: { status: 400, code: 'BAD_REQUEST' },
    });
  }

  const messaging = stack.service('messaging');
  const upload = `${messaging.base}/attachments?groupId=${encodeURIComponent(groupId)}&filename=big.png`;
  cases.push({
    name: 'messaging /attachments: 100 MB upload, Content-Length declared',
    target: messaging,
    request: { url: upload, headers: { ...auth, 'content-type': 'image/png' }, streamBytes: 100 * MiB, declareLength: true },
    expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  });
  cases.push({
    name: 'messaging /attachments: 100 MB upload, chunked',
    target: messaging,
    request: { url: upload, headers: { ...auth, 'content-type': 'image/png' }, streamBytes: 100 * MiB },
    expect: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  });
  return cases;
}

/**
 * A CSV of 1,000,000 columns (a ~2 MB header line) to the import service's
 * upload: an organisation of the owner's, an import started through the
 * gateway, then the file PUT to its upload URL. Skipped, with the reason, where
 * the import service has no upload (startImport is not in the supergraph).
 */
async function importUploadCase(stack: DrillStack, token: string): Promise<{ case?: Case; skipped?: string }> {
  const gateway = stack.gateway;
  const org = await graphql(
    gateway.url,
    `
      mutation ($i: CreateOrganizationInput!) {
        createOrganization(input: $i) {
          organization {
            id
          }
        }
      }
    `,
    { i: { name: 'Drill Org' } },
    token,
  );
  const organizationId = org.data?.createOrganization?.organization?.id as string | undefined;
  if (!organizationId) return { skipped: `could not create an organisation to import into: ${org.text.slice(0, 200).trim()}` };
  const started = await graphql(
    gateway.url,
    `
      mutation ($i: StartImportInput!) {
        startImport(input: $i) {
          import {
            id
          }
          uploadUrl
        }
      }
    `,
    { i: { organizationId, defaultCountry: 'US' } },
    token,
  );
  if (started.errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') {
    return { skipped: `the import service has no CSV upload in this build (startImport is not in the supergraph: ${started.errors[0].message})` };
  }
  const uploadUrl = started.data?.startImport?.uploadUrl as string | undefined;
  if (!uploadUrl) return { skipped: `startImport did not give an upload URL: ${started.text.slice(0, 200).trim()}` };
  const target = stack.service('import');
  const url = new URL(uploadUrl);
  const header = `Name,Phone${',x'.repeat(999_998)}\r\n`;
  const body = Buffer.from(`${header}Ann,+14155550199${','.repeat(999_998)}\r\n`);
  return {
    case: {
      name: 'import /imports/<id>/file: CSV with 1,000,000 columns',
      target,
      request: {
        url: `${target.base}${url.pathname}${url.search}`,
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body,
      },
      expect: { status: 400, code: 'BAD_USER_INPUT' },
    },
  };
}

/** A normal query through the gateway, one after another, until stopped. */
function normalQueries(url: string, groupId: string, token: string) {
  const latencies: number[] = [];
  let total = 0;
  let failed = 0;
  let firstFailure = '';
  let running = true;
  const query = `query($id: ID!) { me { id displayName } group(id: $id) { id name members(first: 5) { edges { node { role } } } } }`;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      total++;
      try {
        const res = await graphql(url, query, { id: groupId }, token);
        if (res.status !== 200 || res.errors?.length || res.data?.group?.id !== groupId) {
          failed++;
          firstFailure ||= `HTTP ${res.status} ${res.text.slice(0, 200)}`;
        } else latencies.push(performance.now() - started);
      } catch (err) {
        failed++;
        firstFailure ||= (err as Error).message;
      }
      await sleep(20);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { total, failed, firstFailure, latencies };
    },
  };
}

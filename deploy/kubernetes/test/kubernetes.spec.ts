import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * Renders the Kustomize packaging (deploy/kubernetes) as `kubectl apply -k`
 * would, validates every object against the Kubernetes API's schemas, and
 * checks what the schemas cannot know: probes on the right paths and ports,
 * secrets only by reference, a disruption budget and one autoscaler per
 * Deployment, Services that reach their pods, shared storage wherever a
 * process may run more than one replica.
 */

const kubernetesDir = join(__dirname, '..');
const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

// Loosely typed on purpose: these are rendered objects under test, any field may be missing.
type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string> };

interface Verdict {
  apiVersion: string;
  kind: string;
  name: string;
  problem: string | null;
}

let kubectlChecked = false;

/** Components, `labels` and `replicas` need the kustomize of kubectl 1.27 or later (v5). */
function checkKubectl(): void {
  if (kubectlChecked) return;
  let version: string | undefined;
  try {
    const out = execFileSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    version = (JSON.parse(out) as { kustomizeVersion?: string }).kustomizeVersion;
  } catch {
    throw new Error('kubectl is missing: these tests render the packaging with `kubectl kustomize` (kubectl 1.27 or later)');
  }
  if (!version || Number(/^v(\d+)/.exec(version)?.[1] ?? 0) < 5)
    throw new Error(`kubectl's kustomize is ${version ?? 'unknown'}; these tests need v5 or later (kubectl 1.27 or later)`);
  kubectlChecked = true;
}

/** The output of `kubectl kustomize` for an overlay with the given components added. */
function render(overlay: string, components: readonly string[] = []): K8sObject[] {
  checkKubectl();
  // Kustomize takes relative paths only, so a throwaway kustomization points back here.
  const dir = mkdtempSync(join(tmpdir(), 'kz-kustomize-'));
  try {
    const to = (path: string) => relative(dir, join(kubernetesDir, path));
    const lines = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', `resources: [${to(`overlays/${overlay}`)}]`];
    if (components.length > 0) lines.push(`components: [${components.map((c) => to(`components/${c}`)).join(', ')}]`);
    writeFileSync(join(dir, 'kustomization.yaml'), lines.join('\n') + '\n');
    const yaml = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return parseAllDocuments(yaml)
      .map((doc) => doc.toJS() as K8sObject | null)
      .filter((object): object is K8sObject => object !== null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each object's verdict from kubernetes-models (run by Node itself: see validate-objects.mts). */
function validateWithModels(objects: readonly object[]): Verdict[] {
  const out = execFileSync(process.execPath, [join(__dirname, 'validate-objects.mts')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return JSON.parse(out) as Verdict[];
}

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PEPPER|KEY|DATABASE_URL/;

/** Which way each process is configured: its port variable and its probes' paths. */
const PROCESSES: Record<string, { portVariable: string }> = {
  gateway: { portVariable: 'GATEWAY_PORT' },
  identity: { portVariable: 'IDENTITY_PORT' },
  groups: { portVariable: 'GROUPS_PORT' },
  messaging: { portVariable: 'MESSAGING_PORT' },
  import: { portVariable: 'IMPORT_PORT' },
  webhooks: { portVariable: 'WEBHOOKS_PORT' },
};

const SHUTDOWN_CAP_SECONDS = 20; // runProcess in libs/server: the process exits at the latest this long after SIGTERM.

const ofKind = (objects: readonly K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** Every problem our own rules find in a rendered set of objects; empty when there is none. */
function packagingProblems(objects: readonly K8sObject[]): string[] {
  const problems: string[] = [];
  const deployments = ofKind(objects, 'Deployment');
  const configMaps = ofKind(objects, 'ConfigMap');
  const settings: Record<string, string> = Object.assign({}, ...configMaps.map((c) => c.data ?? {}));

  if (ofKind(objects, 'Secret').length > 0) problems.push('the packaging carries a Secret: secrets are created by the operator and referenced by name');
  for (const key of Object.keys(settings)) if (SECRET_NAME.test(key)) problems.push(`ConfigMap key ${key} looks like a secret`);

  for (const deployment of deployments) {
    const name = deployment.metadata.name;
    const pod = deployment.spec?.template?.spec ?? {};
    const podLabels: Record<string, string> = deployment.spec?.template?.metadata?.labels ?? {};
    const where = `Deployment ${name}`;
    if (!selects(deployment.spec?.selector?.matchLabels, podLabels)) problems.push(`${where}: its selector does not select its own pods`);
    if (pod.automountServiceAccountToken !== false) problems.push(`${where}: mounts a service account token`);
    if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${where}: may run as root`);
    if (!pod.topologySpreadConstraints?.length) problems.push(`${where}: no topology spread`);

    for (const container of pod.containers ?? []) {
      const at = `${where} container ${container.name}`;
      const ports = new Map<string | number, number>();
      for (const port of container.ports ?? []) {
        ports.set(port.containerPort, port.containerPort);
        if (port.name) ports.set(port.name, port.containerPort);
      }
      const env: any[] = container.env ?? [];
      const known = PROCESSES[name];
      if (known) {
        const declared = env.find((e) => e.name === known.portVariable)?.value;
        if (declared === undefined || !ports.has(Number(declared))) problems.push(`${at}: ${known.portVariable}=${declared} is not a container port`);
      }
      const probe = (kind: string, path: string) => {
        const get = container[kind]?.httpGet;
        if (!get) return problems.push(`${at}: no ${kind}`);
        if (get.path !== path) problems.push(`${at}: ${kind} asks ${get.path}, not ${path}`);
        if (!ports.has(get.port)) problems.push(`${at}: ${kind} port ${get.port} is not a container port`);
      };
      probe('readinessProbe', '/readyz');
      probe('livenessProbe', '/healthz');
      probe('startupProbe', '/healthz');
      for (const kind of ['requests', 'limits'])
        for (const resource of ['cpu', 'memory'])
          if (!container.resources?.[kind]?.[resource]) problems.push(`${at}: no ${resource} ${kind.replace(/s$/, '')}`);
      const security = container.securityContext ?? {};
      if (security.allowPrivilegeEscalation !== false) problems.push(`${at}: privilege escalation allowed`);
      if (security.readOnlyRootFilesystem !== true) problems.push(`${at}: writable root filesystem`);
      if (!(security.capabilities?.drop ?? []).includes('ALL')) problems.push(`${at}: capabilities not dropped`);
      const preStop: string[] = container.lifecycle?.preStop?.exec?.command ?? [];
      const preStopSeconds = preStop[0] === 'sleep' ? Number(preStop[1]) : NaN;
      if (!(preStopSeconds > 0)) problems.push(`${at}: no preStop sleep`);
      else if (!((pod.terminationGracePeriodSeconds ?? 30) >= preStopSeconds + SHUTDOWN_CAP_SECONDS))
        problems.push(`${at}: terminationGracePeriodSeconds is shorter than preStop plus the ${SHUTDOWN_CAP_SECONDS} s shutdown`);
      for (const variable of env) {
        if (!SECRET_NAME.test(variable.name)) continue;
        if (variable.value !== undefined || !variable.valueFrom?.secretKeyRef) problems.push(`${at}: ${variable.name} is not taken from a Secret`);
      }
      for (const source of container.envFrom ?? []) {
        const wanted = source.configMapRef?.name;
        if (wanted && !configMaps.some((c) => c.metadata.name === wanted)) problems.push(`${at}: ConfigMap ${wanted} is not in the packaging`);
        if (source.secretRef) problems.push(`${at}: takes a whole Secret as environment; name each variable instead`);
      }
      for (const mount of container.volumeMounts ?? [])
        if (!(pod.volumes ?? []).some((v: any) => v.name === mount.name)) problems.push(`${at}: mounts ${mount.name}, which is no volume`);
    }

    const budgets = ofKind(objects, 'PodDisruptionBudget').filter((b) => selects(b.spec?.selector?.matchLabels, podLabels));
    if (budgets.length !== 1) problems.push(`${where}: ${budgets.length} PodDisruptionBudgets select it, not 1`);
    const autoscalers = [
      ...ofKind(objects, 'HorizontalPodAutoscaler').filter((h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === name),
      ...ofKind(objects, 'ScaledObject').filter((s) => (s.spec?.scaleTargetRef?.kind ?? 'Deployment') === 'Deployment' && s.spec.scaleTargetRef.name === name),
    ];
    if (autoscalers.length !== 1) problems.push(`${where}: ${autoscalers.length} autoscalers, not 1`);
    const maxReplicas = Math.max(deployment.spec?.replicas ?? 1, ...autoscalers.map((a) => a.spec?.maxReplicas ?? a.spec?.maxReplicaCount ?? 1));
    if (maxReplicas > 1 && name === 'messaging' && settings.ATTACHMENTS_STORE !== 's3')
      problems.push(`${where}: up to ${maxReplicas} replicas with attachments on each pod's disk (ATTACHMENTS_STORE=${settings.ATTACHMENTS_STORE})`);
    if (maxReplicas > 1 && name === 'import') {
      const claimName = (pod.volumes ?? []).find((v: any) => v.name === 'imports')?.persistentVolumeClaim?.claimName;
      const claim = ofKind(objects, 'PersistentVolumeClaim').find((c) => c.metadata.name === claimName);
      if (!claim?.spec?.accessModes?.includes('ReadWriteMany')) problems.push(`${where}: up to ${maxReplicas} replicas without a shared IMPORT_STORAGE_DIR`);
    }
  }

  for (const service of ofKind(objects, 'Service')) {
    const where = `Service ${service.metadata.name}`;
    const targets = deployments.filter((d) => selects(service.spec?.selector, d.spec?.template?.metadata?.labels));
    if (targets.length !== 1) {
      problems.push(`${where}: selects ${targets.length} Deployments, not 1`);
      continue;
    }
    const containers: any[] = targets[0]!.spec.template.spec.containers;
    for (const port of service.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const found = containers.some((c) => (c.ports ?? []).some((p: any) => p.name === target || p.containerPort === target));
      if (!found) problems.push(`${where}: targetPort ${target} is no container port of ${targets[0]!.metadata.name}`);
    }
  }

  const servicePort = (serviceName: string, port: string | number) =>
    ofKind(objects, 'Service').some((s) => s.metadata.name === serviceName && (s.spec?.ports ?? []).some((p: any) => p.name === port || p.port === port));
  for (const ingress of ofKind(objects, 'Ingress'))
    for (const rule of ingress.spec?.rules ?? [])
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        if (!servicePort(backend?.name, backend?.port?.name ?? backend?.port?.number))
          problems.push(
            `Ingress ${ingress.metadata.name}: ${path.path} goes to ${backend?.name}:${backend?.port?.name ?? backend?.port?.number}, which is no Service port`,
          );
      }
  // The processes call each other by these URLs: each must name a Service and one of its ports.
  for (const [key, value] of Object.entries(settings)) {
    if (!/_URL$/.test(key) || !/^http:\/\/[a-z-]+:\d+/.test(value)) continue;
    const { hostname, port } = new URL(value);
    if (!servicePort(hostname, Number(port))) problems.push(`ConfigMap ${key}=${value} names no Service port`);
  }
  return problems;
}

/** Every Secret key the objects reference, as "secret/key". */
function secretReferences(objects: readonly K8sObject[]): string[] {
  const refs = new Set<string>();
  for (const deployment of ofKind(objects, 'Deployment'))
    for (const container of deployment.spec.template.spec.containers)
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref) refs.add(`${ref.name}/${ref.key}`);
      }
  return [...refs].sort();
}

const RENDERS: readonly [string, readonly string[]][] = [
  ['production', []],
  ['development', []],
  ['production', ['network-policy']],
  ['development', ['network-policy']],
  ['production', ['service-monitor']],
  ['development', ['service-monitor']],
  ['production', ['service-monitor', 'grafana-dashboard']],
  // KEDA scales import past one replica, which needs the shared chunk volume production mounts.
  ['production', ['keda']],
  ['production', ['keda', 'service-monitor', 'network-policy']],
];

describe.each(RENDERS)('kubectl kustomize overlays/%s with components %j', (overlay, components) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = render(overlay, components);
  });

  it('renders every process and validates every object against its API schema', () => {
    expect(
      ofKind(objects, 'Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(Object.keys(PROCESSES).sort());
    const invalid = validateWithModels(objects).filter((v) => v.problem !== null);
    expect(invalid).toEqual([]);
  });

  it('passes the packaging rules', () => {
    expect(packagingProblems(objects)).toEqual([]);
  });
});

describe('overlays', () => {
  it('production runs at least two of everything, in production mode, from a pinned registry image', () => {
    const objects = render('production');
    expect(ofKind(objects, 'ConfigMap')[0]!.data!.NODE_ENV).toBe('production');
    for (const deployment of ofKind(objects, 'Deployment')) {
      expect([deployment.metadata.name, deployment.spec.replicas]).toEqual([deployment.metadata.name, 2]);
      expect(deployment.spec.template.spec.containers[0].image).toMatch(/^[a-z0-9.-]+\/.+:[\w.-]+$/);
      expect(deployment.spec.template.spec.containers[0].image).not.toMatch(/:latest$/);
    }
    for (const autoscaler of ofKind(objects, 'HorizontalPodAutoscaler')) expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const gateway = ofKind(objects, 'HorizontalPodAutoscaler').find((h) => h.metadata.name === 'gateway')!;
    // Every gateway replica reads every event: Kafka lag is no reason for more of them.
    expect(gateway.spec.metrics.map((m: any) => `${m.type}/${m.resource?.name}`)).toEqual(['Resource/cpu']);
  });

  it("the Grafana dashboard comes as a ConfigMap Grafana's sidecar loads, holding the dashboard's JSON", () => {
    const dashboard = ofKind(render('production', ['grafana-dashboard']), 'ConfigMap').find((c) => c.metadata.name === 'kz-grafana-dashboard')!;
    expect(dashboard.metadata.labels).toMatchObject({ grafana_dashboard: '1' });
    const json = JSON.parse(dashboard.data!['kz-dashboard.json']!) as { uid: string; panels: unknown[] };
    expect(json.uid).toBe('kz-overview');
    expect(json.panels.length).toBeGreaterThan(10);
  });

  it('development runs in development mode, texting codes to the sink', () => {
    const settings = ofKind(render('development'), 'ConfigMap')[0]!.data!;
    expect([settings.NODE_ENV, settings.SMS_SENDER]).toEqual(['development', 'dev']);
  });

  it('KEDA replaces the CPU autoscalers of import and webhooks and reads the queues BullMQ keeps for them', () => {
    const objects = render('production', ['keda']);
    const cpuScaled = ofKind(objects, 'HorizontalPodAutoscaler').map((h) => h.metadata.name);
    expect(cpuScaled).not.toContain('import');
    expect(cpuScaled).not.toContain('webhooks');
    const namespace = ofKind(objects, 'ConfigMap')[0]!.data!.KAFKA_NAMESPACE;
    const listName = (name: string) =>
      ofKind(objects, 'ScaledObject')
        .find((s) => s.metadata.name === name)
        ?.spec.triggers.find((t: any) => t.type === 'redis').metadata.listName;
    // The services queue with the prefix kz:<KAFKA_NAMESPACE>; BullMQ's waiting list is <prefix>:<queue>:wait.
    expect(listName('import')).toBe(`kz:${namespace}:member-csv-import:wait`);
    expect(listName('webhooks')).toBe(`kz:${namespace}:webhook-deliveries:wait`);
  });

  it('the README names every Secret and key the Deployments reference', () => {
    const section = readme.slice(readme.indexOf('## Deploying on Kubernetes'));
    expect(readme).toContain('## Deploying on Kubernetes');
    const missing = secretReferences(render('production')).filter((ref) => {
      const [secret, key] = ref.split('/');
      return !section.includes(`\`${secret}\``) || !section.includes(`\`${key}\``);
    });
    expect(missing).toEqual([]);
  });
});

describe('the checks bite', () => {
  const brokenDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'identity' },
    // No selector, a port given as text.
    spec: { template: { spec: { containers: [{ name: 'identity', image: 'kz-identity', ports: [{ containerPort: 'http' }] }] } } },
  };

  it('the schema validation refuses a broken Deployment and an unknown kind', () => {
    const [deployment, unknown] = validateWithModels([brokenDeployment, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }]);
    expect(deployment!.problem).toMatch(/required property selector/);
    expect(deployment!.problem).toMatch(/containerPort must be integer/);
    expect(unknown!.problem).toMatch(/no schema known/);
  });

  it('the packaging rules refuse a secret in plain sight, missing probes and a Service that reaches nothing', () => {
    const objects = render('production');
    const identity = ofKind(objects, 'Deployment').find((d) => d.metadata.name === 'identity')!;
    const container = identity.spec.template.spec.containers[0];
    container.env.push({ name: 'SIGN_IN_CODE_PEPPER', value: 'hunter2' });
    delete container.readinessProbe;
    container.livenessProbe.httpGet.port = 'metrics';
    const service = ofKind(objects, 'Service').find((s) => s.metadata.name === 'groups')!;
    service.spec.ports[0].targetPort = 9999;
    objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'oops' }, data: {} });

    expect(packagingProblems(objects)).toEqual(
      expect.arrayContaining([
        'the packaging carries a Secret: secrets are created by the operator and referenced by name',
        'Deployment identity container identity: SIGN_IN_CODE_PEPPER is not taken from a Secret',
        'Deployment identity container identity: no readinessProbe',
        'Deployment identity container identity: livenessProbe port metrics is not a container port',
        'Service groups: targetPort 9999 is no container port of groups',
      ]),
    );
  });

  it('the packaging rules refuse several replicas of messaging and import without shared storage', () => {
    const objects = render('development');
    for (const autoscaler of ofKind(objects, 'HorizontalPodAutoscaler')) autoscaler.spec.maxReplicas = 3;
    expect(packagingProblems(objects)).toEqual([
      'Deployment import: up to 3 replicas without a shared IMPORT_STORAGE_DIR',
      "Deployment messaging: up to 3 replicas with attachments on each pod's disk (ATTACHMENTS_STORE=disk)",
    ]);
  });
});

/**
 * Validates Kubernetes objects against the API's schemas with kubernetes-models
 * (and KEDA's and prometheus-operator's for their kinds). Those packages are
 * ES modules only, which Jest's CommonJS runtime cannot load, so the spec runs
 * this file with Node itself: objects as a JSON array on stdin, one verdict per
 * object as a JSON array on stdout.
 */
interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}

interface Verdict {
  apiVersion: string;
  kind: string;
  name: string;
  /** Why the object is invalid; null when it is valid. */
  problem: string | null;
}

interface Model {
  validate(): void;
}

type ModelClass = new (data: object) => Model;

/** The module of each API group version's models. */
function modelModule(apiVersion: string): string {
  if (apiVersion.startsWith('keda.sh/')) return `@kubernetes-models/keda/${apiVersion}`;
  if (apiVersion.startsWith('monitoring.coreos.com/')) return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  return `kubernetes-models/${apiVersion}`;
}

async function modelClass(apiVersion: string, kind: string): Promise<ModelClass | null> {
  let models: Record<string, unknown>;
  try {
    models = (await import(modelModule(apiVersion))) as Record<string, unknown>;
  } catch {
    return null;
  }
  const found = models[kind];
  return typeof found === 'function' ? (found as ModelClass) : null;
}

async function verdict(object: KubernetesObject): Promise<Verdict> {
  const apiVersion = object.apiVersion ?? '';
  const kind = object.kind ?? '';
  const name = object.metadata?.name ?? '';
  const Class = await modelClass(apiVersion, kind);
  if (!Class) return { apiVersion, kind, name, problem: `no schema known for ${apiVersion} ${kind}` };
  try {
    new Class(object).validate();
    return { apiVersion, kind, name, problem: null };
  } catch (err) {
    return { apiVersion, kind, name, problem: (err as Error).message };
  }
}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const objects = JSON.parse(Buffer.concat(chunks).toString('utf8')) as KubernetesObject[];
const verdicts: Verdict[] = [];
for (const object of objects) verdicts.push(await verdict(object));
process.stdout.write(JSON.stringify(verdicts));

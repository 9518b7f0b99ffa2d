export {
  TOPOLOGY,
  SUBGRAPHS,
  DEFAULT_NAMESPACE,
  serviceSpec,
  stages,
  databaseName,
  wiringEnv,
  type Subgraph,
  type ServiceName,
  type ServiceSpec,
  type Wiring,
} from './topology';
export {
  ProcessStack,
  fixedPort,
  MACHINE_POSTGRES_URL,
  MACHINE_KAFKA_BROKERS,
  type ProcessStackOptions,
  type RunningProcess,
  type InstanceOptions,
  type BalancedPorts,
} from './process-stack';
export { ProcessGroup, freePort, logTail, type StackProcess, type ProcessGroupOptions } from './processes';
export { cpuMillis, memoryMiB, machineTicks, ticksPerSecond } from './process-stats';
export {
  postJson,
  graphql,
  mustQuery,
  GiveUp,
  eventually,
  inParallel,
  signInWithDevCode,
  serverTiming,
  type GraphQLResult,
  type HttpAnswer,
  type SignedIn,
} from './graphql-client';
export { Subscriber, type Received } from './subscriber';
export { isFinalImportStatus } from '@kz/events';
export { PrivateKafka } from './private-kafka';
export { supergraphWithUrls } from './supergraph';
export { REPO_ROOT } from './repo';
// Reference gateways in the benchmarks reach the subgraphs as ours does.
export { peerHeaders } from '@kz/server';

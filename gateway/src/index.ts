export { createGatewayApp, type GatewayApp } from './app';
export { loadGatewayConfig, subgraphUrls, SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from './config';
export type { GatewayContext } from './context';
export { measureOperation, operationLimitErrors, OperationLimiter, selectOperation, type OperationLimits, type OperationShape } from './operation-limits';

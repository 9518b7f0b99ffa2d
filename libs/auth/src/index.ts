export { TokenVerifier, type TokenVerifierOptions } from './token-verifier';
export { bearerToken } from './bearer';
export {
  type Caller,
  type UserCaller,
  type ConnectorCaller,
  type ConnectorPermission,
  CONNECTOR_PERMISSIONS,
  anonymous,
  requireUser,
  connectorMay,
} from './caller';

export { TokenVerifier, type TokenVerifierOptions, type VouchedPerson } from './token-verifier';
export { bearerToken } from './bearer';
export {
  type Caller,
  type UserCaller,
  type ConnectorCaller,
  type ImportCaller,
  type ConnectorPermission,
  CONNECTOR_PERMISSIONS,
  anonymous,
  requireUser,
  connectorMay,
  actingUploader,
} from './caller';

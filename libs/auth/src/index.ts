export { TokenVerifier, type AccessClaims, type TokenVerifierOptions } from './token-verifier';
export { bearerToken } from './bearer';
export { type Caller, anonymous, requireUser } from './caller';

export { createIdentityApp, type IdentityApp } from './app';
export { loadIdentityConfig, type IdentityConfig } from './config';

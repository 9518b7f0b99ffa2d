export { createMessagingApp, type MessagingApp } from './app';
export { loadMessagingConfig, type MessagingConfig } from './config';

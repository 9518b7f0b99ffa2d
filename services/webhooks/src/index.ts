export { createWebhooksApp, type WebhooksApp } from './app';
export { loadWebhooksConfig, type WebhooksConfig } from './config';

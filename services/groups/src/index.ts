export { createGroupsApp, type GroupsApp } from './app';
export { loadGroupsConfig, type GroupsConfig } from './config';

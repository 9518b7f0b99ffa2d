import { resolve } from 'node:path';

/** The repository, from libs/stack/dist (or src, under Jest). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

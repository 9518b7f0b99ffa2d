import { ConfigError } from './config';
import { str } from './fields';

/** The settings of an S3-compatible bucket a service keeps files in; `what` says which files, `store` names the setting that picks S3. */
export function s3Fields(what: string, store: string) {
  return {
    s3Endpoint: str('S3_ENDPOINT', 'S3-compatible endpoint URL; empty for AWS', { fallback: '' }),
    s3Region: str('S3_REGION', 'S3 region', { fallback: 'us-east-1' }),
    s3Bucket: str('S3_BUCKET', `S3 bucket for ${what}, with ${store}=s3`, { fallback: '' }),
    s3AccessKeyId: str('S3_ACCESS_KEY_ID', `S3 access key id, with ${store}=s3`, { fallback: '' }),
    s3SecretAccessKey: str('S3_SECRET_ACCESS_KEY', `S3 secret key, with ${store}=s3`, { fallback: '' }),
  };
}

/** Where an S3 client connects, and as whom. */
export interface S3Settings {
  /** An S3-compatible endpoint (MinIO, Ceph, ...); null for AWS itself. */
  endpoint: string | null;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** The bucket's settings once S3 is chosen (by the setting `store`); a ConfigError names each one missing. */
export function s3Settings(
  config: { s3Endpoint: string; s3Region: string; s3Bucket: string; s3AccessKeyId: string; s3SecretAccessKey: string },
  store: string,
): S3Settings {
  const missing = [
    ['S3_BUCKET', config.s3Bucket],
    ['S3_ACCESS_KEY_ID', config.s3AccessKeyId],
    ['S3_SECRET_ACCESS_KEY', config.s3SecretAccessKey],
  ].filter(([, value]) => !value);
  if (missing.length > 0) throw new ConfigError(missing.map(([name]) => `${name} is required with ${store}=s3`));
  return {
    endpoint: config.s3Endpoint || null,
    region: config.s3Region,
    bucket: config.s3Bucket,
    accessKeyId: config.s3AccessKeyId,
    secretAccessKey: config.s3SecretAccessKey,
  };
}

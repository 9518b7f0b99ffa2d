export { ConfigError, loadConfig, type ConfigSpec, type FieldSpec } from './config';
export { str, int, bool, url, oneOf, list } from './fields';
export { serviceFields, authFields, kafkaFields } from './service';
export { s3Fields, s3Settings, type S3Settings } from './s3';

import { ConfigError } from './config';
import { s3Settings } from './s3';

const complete = { s3Endpoint: 'http://127.0.0.1:9000', s3Region: 'eu-west-1', s3Bucket: 'kz', s3AccessKeyId: 'id', s3SecretAccessKey: 'secret' };

describe('s3Settings', () => {
  it('answers the bucket, and no endpoint for AWS itself', () => {
    expect(s3Settings(complete, 'IMPORT_CHUNK_STORE')).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      bucket: 'kz',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
    });
    expect(s3Settings({ ...complete, s3Endpoint: '' }, 'IMPORT_CHUNK_STORE').endpoint).toBeNull();
  });

  it('names every missing setting and the one that chose S3', () => {
    const attempt = () => s3Settings({ ...complete, s3Bucket: '', s3SecretAccessKey: '' }, 'ATTACHMENTS_STORE');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/S3_BUCKET is required with ATTACHMENTS_STORE=s3/);
    expect(attempt).toThrow(/S3_SECRET_ACCESS_KEY is required with ATTACHMENTS_STORE=s3/);
  });
});

import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Writable, type Readable } from 'node:stream';
import type { S3Settings } from '@kz/config';
import { ChunkWriter, chunkFileName, readChunkRows, type ChunkStore } from './chunk-store';
import type { MemberRow } from './member-row';

/** Under this prefix of the bucket, one folder of chunk objects per import. */
const PREFIX = 'import-chunks';

/**
 * Chunk files as objects of an S3-compatible bucket, so that the service's processes need no shared disk: the upload
 * writes them wherever it runs, any worker reads them. A chunk (at most IMPORT_CHUNK_ROWS rows, a few hundred KB) is
 * gathered in memory and put whole when it is complete.
 */
export class S3ChunkStore implements ChunkStore {
  private readonly client: S3Client;

  constructor(private readonly opts: S3Settings) {
    this.client = new S3Client({
      region: opts.region,
      ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
      credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
    });
  }

  private key(importId: string, chunk: number): string {
    return `${PREFIX}/${importId}/${chunkFileName(chunk)}`;
  }

  async writer(importId: string): Promise<ChunkWriter> {
    await this.remove(importId);
    return new ChunkWriter((chunk) => this.objectWriter(this.key(importId, chunk)));
  }

  async read(importId: string, chunk: number): Promise<MemberRow[]> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: this.key(importId, chunk) }));
    return readChunkRows(object.Body as Readable);
  }

  async remove(importId: string): Promise<void> {
    let continuationToken: string | undefined;
    do {
      const listed = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.opts.bucket, Prefix: `${PREFIX}/${importId}/`, ContinuationToken: continuationToken }),
      );
      const keys = (listed.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (keys.length > 0) await this.client.send(new DeleteObjectsCommand({ Bucket: this.opts.bucket, Delete: { Objects: keys, Quiet: true } }));
      continuationToken = listed.IsTruncated ? listed.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  /** A stream that gathers a chunk and puts it as one object when ended; it finishes once the object is stored. */
  private objectWriter(key: string): Writable {
    const parts: Buffer[] = [];
    return new Writable({
      write: (data: Buffer | string, _encoding, done) => {
        parts.push(Buffer.isBuffer(data) ? data : Buffer.from(data));
        done();
      },
      final: (done) => {
        this.client
          .send(new PutObjectCommand({ Bucket: this.opts.bucket, Key: key, Body: Buffer.concat(parts), ContentType: 'application/x-ndjson' }))
          .then(() => done(), done);
      },
    });
  }
}

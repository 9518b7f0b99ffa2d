import type { Client } from 'pg';

/**
 * `COPY … FROM STDIN` with the plain `pg` client, without pg-copy-streams: a
 * submittable query (the protocol hooks `pg` calls on its active query) that
 * streams the chunks, waiting for the socket to drain between them.
 * Resolves with the number of rows PostgreSQL reports.
 */
export function copyFrom(client: Client, sql: string, chunks: Iterable<string | Buffer>): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failure: Error | undefined;
    let stopped = false;
    const submittable = {
      text: sql,
      submit(connection: PgConnection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: PgConnection) {
        const iterator = chunks[Symbol.iterator]();
        const pump = () => {
          if (stopped) return;
          try {
            for (;;) {
              const next = iterator.next();
              if (next.done) {
                connection.endCopyFrom();
                return;
              }
              connection.sendCopyFromChunk(typeof next.value === 'string' ? Buffer.from(next.value) : next.value);
              if (connection.stream.writableNeedDrain) {
                connection.stream.once('drain', pump);
                return;
              }
            }
          } catch (err) {
            failure = err as Error;
            stopped = true;
            connection.sendCopyFail(failure.message);
          }
        };
        pump();
      },
      handleCommandComplete(msg: { text?: string }) {
        rows = Number(/(\d+)\s*$/.exec(msg.text ?? '')?.[1] ?? 0);
      },
      // pg detaches its active query before reporting an error, so no ReadyForQuery follows for us;
      // CopyData still in flight is dropped by the server.
      handleError(err: Error) {
        stopped = true;
        reject(failure ?? err);
      },
      handleReadyForQuery() {
        if (failure) reject(failure);
        else resolve(rows);
      },
      // Not used by COPY FROM, but pg may call them on its active query.
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    (client as unknown as { query(q: typeof submittable): void }).query(submittable);
  });
}

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain: boolean };
}

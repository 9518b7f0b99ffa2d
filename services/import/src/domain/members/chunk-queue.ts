/**
 * Where an upload hands its checked chunks to the workers. Each chunk is
 * queued at most once however often this is called (see ChunkJobData).
 */
export interface ChunkQueue {
  /** Queues chunks 1..chunkCount of the import. */
  enqueueChunks(importId: string, chunkCount: number): Promise<void>;
}

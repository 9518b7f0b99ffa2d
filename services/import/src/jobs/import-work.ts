import type { DataSource } from 'typeorm';
import type { ChatHistoryImportJob } from '../domain/chat-export/chat-history-import.job';
import type { ChunkJobData, MemberCsvImportJob } from '../domain/members/member-csv-import.job';

/** The import queue's work: a member import's chunk, or an applied chat import (one job, checkpointed as it goes). */
export function importWork(dataSource: DataSource, members: MemberCsvImportJob, chats: ChatHistoryImportJob): (data: ChunkJobData) => Promise<void> {
  return async (data) => {
    const [job] = (await dataSource.query(`SELECT kind FROM import_jobs WHERE id = $1`, [data.importId])) as { kind: string }[];
    if (job?.kind === 'CHAT') await chats.run(data);
    else await members.run(data);
  };
}

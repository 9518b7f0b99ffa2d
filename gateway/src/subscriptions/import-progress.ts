import { GraphQLError, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { entityThroughSupergraph, mapStream } from './follow-groups';
import { importProgressStream, type ImportProgressItem } from './import-progress-stream';
import type { SubscriberContext } from './subscriber-context';

const IMPORT_STATE = `query KzImportState($id: ID!) { importJob(id: $id) { id status } }`;

/** Only the uploader may follow an import; anyone else is told it does not exist. */
const followImport: GraphQLFieldResolver<unknown, SubscriberContext, { importId: string }> = async (_root, args, ctx) => {
  const result = await ctx.execute(IMPORT_STATE, { id: args.importId });
  const job = result.data?.['importJob'] as { id: string; status: string } | null | undefined;
  if (result.errors?.length || !job) throw new GraphQLError('Import was not found.', { extensions: { code: 'NOT_FOUND' } });
  const stream = importProgressStream({
    bus: ctx.bus,
    importId: job.id,
    current: { importId: job.id, status: job.status },
    maxQueue: ctx.limits.maxQueue,
    onTooSlow: ctx.dropAsTooSlow,
  });
  return mapStream(stream, (item) => ({ importProgress: item }));
};

/** importProgress: an import's state now, then every change, until its final status. */
export function wireImportProgress(schema: GraphQLSchema): void {
  const field = schema.getSubscriptionType()!.getFields()['importProgress']!;
  field.subscribe = followImport as GraphQLFieldResolver<unknown, unknown>;
  field.resolve = (source: { importProgress: ImportProgressItem }) => source.importProgress;
  const event = (schema.getType('ImportProgressEvent') as GraphQLObjectType).getFields();
  event['importId']!.resolve = (e: ImportProgressItem) => e.importId;
  event['status']!.resolve = (e: ImportProgressItem) => e.status;
  event['import']!.resolve = entityThroughSupergraph('importJob', (e: ImportProgressItem) => e.importId) as GraphQLFieldResolver<unknown, unknown>;
}

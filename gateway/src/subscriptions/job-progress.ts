import { FINAL_EXPORT_STATUSES, isFinalImportStatus, type AnyEnvelope } from '@kz/events';
import { GraphQLError, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { EntityRootField } from './entity-query';
import { entityThroughSupergraph, mapStream } from './follow-groups';
import { jobProgressStream, type JobProgressItem } from './job-progress-stream';
import type { SubscriberContext } from './subscriber-context';

/** What differs between following an import and following an export. */
interface JobKind {
  /** The subscription field, its argument, its event type, and the query field that reads the job. */
  field: string;
  argument: string;
  eventType: string;
  queryField: EntityRootField;
  /** The event's field that is the job itself. */
  entityField: string;
  notFound: string;
  statusIn: (event: AnyEnvelope) => string | null;
  isFinal: (status: string) => boolean;
}

const IMPORTS: JobKind = {
  field: 'importProgress',
  argument: 'importId',
  eventType: 'ImportProgressEvent',
  queryField: 'importJob',
  entityField: 'import',
  notFound: 'Import was not found.',
  statusIn: (event) => (event.type === 'import.job.progress' ? event.payload.status : null),
  isFinal: isFinalImportStatus,
};

const EXPORTS: JobKind = {
  field: 'exportProgress',
  argument: 'exportId',
  eventType: 'ExportProgressEvent',
  queryField: 'exportJob',
  entityField: 'export',
  notFound: 'Export was not found.',
  statusIn: (event) => (event.type === 'export.job.progress' ? event.payload.status : null),
  isFinal: (status) => (FINAL_EXPORT_STATUSES as readonly string[]).includes(status),
};

/** <field>(<argument>): a job's state now, then every change, until its final status; for those who may read the job (anyone else is told it does not exist). */
function wireProgressOf(kind: JobKind, schema: GraphQLSchema): void {
  const state = `query KzJobState($id: ID!) { ${kind.queryField}(id: $id) { id status } }`;
  const follow: GraphQLFieldResolver<unknown, SubscriberContext, Record<string, string>> = async (_root, args, ctx) => {
    const result = await ctx.execute(state, { id: args[kind.argument] });
    const job = result.data?.[kind.queryField] as { id: string; status: string } | null | undefined;
    if (result.errors?.length || !job) throw new GraphQLError(kind.notFound, { extensions: { code: 'NOT_FOUND' } });
    const stream = jobProgressStream({
      bus: ctx.bus,
      current: { jobId: job.id, status: job.status },
      statusIn: kind.statusIn,
      isFinal: kind.isFinal,
      maxQueue: ctx.limits.maxQueue,
      onTooSlow: ctx.dropAsTooSlow,
    });
    return mapStream(stream, (item) => ({ [kind.field]: item }));
  };
  const field = schema.getSubscriptionType()!.getFields()[kind.field]!;
  field.subscribe = follow as GraphQLFieldResolver<unknown, unknown>;
  field.resolve = (source: Record<string, JobProgressItem>) => source[kind.field];
  const event = (schema.getType(kind.eventType) as GraphQLObjectType).getFields();
  event[kind.argument]!.resolve = (e: JobProgressItem) => e.jobId;
  event['status']!.resolve = (e: JobProgressItem) => e.status;
  event[kind.entityField]!.resolve = entityThroughSupergraph(kind.queryField, (e: JobProgressItem) => e.jobId) as GraphQLFieldResolver<unknown, unknown>;
}

/** importProgress and exportProgress. */
export function wireJobProgress(schema: GraphQLSchema): void {
  wireProgressOf(IMPORTS, schema);
  wireProgressOf(EXPORTS, schema);
}

export { testNamespace, testDatabaseUrl, dropTestDatabases, deleteTestTopics } from './namespace';
export { eventually } from './eventually';
export { graphql, type GraphQLResponse } from './graphql-client';
export { silentLogger } from './logger';
export { TestTokenIssuer } from './test-token-issuer';
export { EventTap } from './event-tap';
export { WebhookReceiver, type ReceivedWebhook, type Answer as WebhookAnswer } from './webhook-receiver';
export { startS3Mock, type S3Mock } from './s3-mock';
export { startZipkin, type Zipkin, type ZipkinSpan } from './zipkin';

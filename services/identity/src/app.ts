import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearerToken, TokenVerifier } from '@kz/auth';
import { DataLoaderCache, GraphQLHttpServer, ServiceRuntime, sendJson, subgraphSchema, type HttpRoute, type Logger } from '@kz/server';
import { normalisePhone } from '@kz/phone';
import { parse } from 'graphql';
import type { IdentityConfig } from './config';
import type { IdentityContext, IdentityServices } from './context';
import { OrganizationsService } from './domain/organizations.service';
import { SignInService } from './domain/sign-in.service';
import { SigningKeys } from './domain/signing-keys';
import { DevSmsSink, HttpSmsSender } from './domain/sms-sender';
import { UsersService } from './domain/users.service';
import { identityEntities } from './entities';
import { identityMigrations } from './migrations';
import { identityResolvers } from './resolvers';

export const identityTypeDefs = parse(readFileSync(join(__dirname, '..', 'src', 'schema.graphql'), 'utf8'));

export interface IdentityApp {
  start(): Promise<string>;
  stop(): Promise<void>;
  runtime: ServiceRuntime;
  keys: SigningKeys;
}

export async function createIdentityApp(config: IdentityConfig, logger: Logger): Promise<IdentityApp> {
  const runtime = await ServiceRuntime.open({
    name: 'identity',
    databaseUrl: config.databaseUrl,
    kafkaBrokers: config.kafkaBrokers,
    entities: identityEntities,
    migrations: identityMigrations,
    logger,
  });
  const { dataSource, outbox } = runtime;
  const keys = new SigningKeys(dataSource, config.issuer, config.audience, config.accessTokenTtlSeconds);
  await keys.ensureActiveKey();
  const devSink = config.smsSender === 'dev' ? new DevSmsSink(dataSource) : undefined;
  const sms = devSink ?? new HttpSmsSender(config.smsHttpUrl, config.smsHttpToken);
  const services: IdentityServices = {
    signIn: new SignInService(dataSource, outbox, sms, keys, config.codePepper, config.accessTokenTtlSeconds),
    organizations: new OrganizationsService(dataSource, outbox),
    users: new UsersService(dataSource),
  };
  const verifier = new TokenVerifier({ ...config, keySet: keys.verificationKeys() });

  const routes: Record<string, HttpRoute> = {
    '/.well-known/jwks.json': async (_req, res) => sendJson(res, 200, await keys.jwks(), { 'cache-control': 'public, max-age=60' }),
  };
  if (devSink && config.nodeEnv !== 'production') {
    // Development only: the last text sent to a number, so a person or a test can sign in.
    routes['/dev/sms'] = async (_req, res, url) => {
      let phone: string;
      try {
        phone = normalisePhone(url.searchParams.get('phone') ?? '', config.defaultRegion);
      } catch (err) {
        return sendJson(res, 400, { error: (err as Error).message });
      }
      const body = await devSink.latest(phone);
      sendJson(res, body ? 200 : 404, body ? { phone, body } : { error: 'no text sent to this number' });
    };
  }

  const server = new GraphQLHttpServer<IdentityContext>({
    name: 'identity',
    host: config.host,
    port: config.port,
    graph: { schema: subgraphSchema(identityTypeDefs, identityResolvers(config.defaultRegion)) },
    buildContext: async (req) => ({
      caller: await verifier.callerFrom(bearerToken(req.headers.authorization)),
      services,
      loaders: new DataLoaderCache(),
    }),
    readiness: () => runtime.readiness(),
    routes,
    logger,
    production: config.nodeEnv === 'production',
  });

  return {
    runtime,
    keys,
    async start() {
      const url = await server.start();
      runtime.startBackground();
      return url;
    },
    async stop() {
      await server.stop();
      await runtime.stop();
    },
  };
}

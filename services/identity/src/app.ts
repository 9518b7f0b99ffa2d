import { join } from 'node:path';
import { TokenVerifier } from '@kz/auth';
import { normalisePhone } from '@kz/phone';
import { createSubgraphApp, exportSourceRoutes, sendJson, type HttpRoute, type Logger, type SubgraphApp } from '@kz/server';
import type { IdentityConfig } from './config';
import type { IdentityServices } from './context';
import { identityExportSources } from './domain/export/export-sources';
import { AttributeDefinitionsService } from './domain/attribute-definitions.service';
import { ConnectorsService } from './domain/connectors.service';
import { DirectoryImportService } from './domain/directory-import.service';
import { DirectoryService } from './domain/directory.service';
import { InvitationTextSender } from './domain/invitation-texts';
import { OrganizationsService } from './domain/organizations.service';
import { RateLimiter } from './domain/rate-limiter';
import { SessionsService } from './domain/sessions.service';
import { SignInService, signInLimits } from './domain/sign-in.service';
import { SigningKeys } from './domain/signing-keys';
import { DevSmsSink, HttpSmsSender, type SmsPurpose } from './domain/sms-sender';
import { UsersService } from './domain/users.service';
import { identityEntities } from './entities';
import { groupsEventHandlers } from './events/groups-events.handlers';
import { importEventHandlers } from './events/import-events.handlers';
import { auditEventHandlers } from './events/audit-events.handlers';
import { AuditLogService } from './domain/audit/audit-log.service';
import { auditFiles } from './http/audit-files';
import { ImportGrantsService } from './domain/import-grants.service';
import { identityMigrations } from './migrations';
import { identityResolvers } from './resolvers';

export type IdentityApp = SubgraphApp<IdentityServices>;

export function createIdentityApp(config: IdentityConfig, logger: Logger): Promise<IdentityApp> {
  return createSubgraphApp<IdentityServices>({
    name: 'identity',
    config,
    logger,
    schemaFile: join(__dirname, '..', 'src', 'schema.graphql'),
    resolvers: identityResolvers(config.defaultRegion),
    entities: identityEntities,
    migrations: identityMigrations,
    consumers: [
      { groupId: 'identity.groups-events', topics: ['groupsPhoneInvitations'], handlers: groupsEventHandlers(config.appPublicUrl) },
      { groupId: 'identity.import-events', topics: ['importJobs'], handlers: importEventHandlers },
      { groupId: 'identity.audit-log', topics: ['auditEntries'], handlers: auditEventHandlers },
    ],
    services: async ({ dataSource, outbox }) => {
      const keys = new SigningKeys(dataSource, config.issuer, config.audience, config.accessTokenTtlSeconds, config.keyActivationDelaySeconds);
      await keys.ensureActiveKey();
      const devSms = config.smsSender === 'dev' ? new DevSmsSink(dataSource) : undefined;
      const sms = devSms ?? new HttpSmsSender(config.smsHttpUrl, config.smsHttpToken, logger.child({ component: 'sms' }));
      const sessions = new SessionsService(dataSource);
      const limiter = new RateLimiter(dataSource);
      return {
        keys,
        devSms,
        sessions,
        signIn: new SignInService(
          dataSource,
          outbox,
          sms,
          keys,
          sessions,
          limiter,
          signInLimits(config.codeRequestsPerAddress, config.signInAttemptsPerAddress),
          config.codePepper,
          config.accessTokenTtlSeconds,
        ),
        organizations: new OrganizationsService(dataSource, outbox),
        directory: new DirectoryService(dataSource, outbox, config.defaultRegion),
        directoryImport: new DirectoryImportService(dataSource, outbox, keys, config.defaultRegion),
        importGrants: new ImportGrantsService(dataSource, keys, config.importGrantMaxSeconds),
        auditLog: new AuditLogService(dataSource),
        attributes: new AttributeDefinitionsService(dataSource, outbox),
        connectors: new ConnectorsService(dataSource, outbox, keys),
        users: new UsersService(dataSource, outbox),
        invitationTexts: new InvitationTextSender(dataSource, sms, limiter, logger.child({ component: 'invitation-texts' })),
      };
    },
    onStart: async ({ invitationTexts }) => invitationTexts.start(),
    beforeStop: ({ invitationTexts }) => invitationTexts.stop(),
    verifier: ({ keys }) => new TokenVerifier({ ...config, keySet: keys.verificationKeys(), acceptImportTokens: true }),
    importTokenFields: ['importDirectoryMembers'],
    routes: ({ keys, devSms, auditLog }, runtime, authenticate) => {
      const routes: Record<string, HttpRoute> = {
        ...exportSourceRoutes('identity', config.subgraphSecret, identityExportSources(runtime.dataSource)),
        '/.well-known/jwks.json': async (_req, res) => sendJson(res, 200, await keys.jwks(), { 'cache-control': 'public, max-age=60' }),
        '/audit/*': auditFiles(auditLog, authenticate),
      };
      if (devSms && config.nodeEnv !== 'production') routes['/dev/sms'] = devSmsRoute(devSms, config.defaultRegion);
      return routes;
    },
  });
}

const SMS_PURPOSES: readonly SmsPurpose[] = ['sign-in-code', 'invitation'];

/**
 * Development only: the last sign-in code texted to a number, so a person or a test can sign in; with
 * purpose=invitation, the last invitation to a group texted to it.
 */
function devSmsRoute(devSms: DevSmsSink, defaultRegion: string): HttpRoute {
  return async (_req, res, url) => {
    let phone: string;
    try {
      phone = normalisePhone(url.searchParams.get('phone') ?? '', defaultRegion);
    } catch (err) {
      return sendJson(res, 400, { error: (err as Error).message });
    }
    const purpose = (url.searchParams.get('purpose') ?? 'sign-in-code') as SmsPurpose;
    if (!SMS_PURPOSES.includes(purpose)) return sendJson(res, 400, { error: `purpose is one of ${SMS_PURPOSES.join(', ')}` });
    const body = await devSms.latest(phone, purpose);
    sendJson(res, body ? 200 : 404, body ? { phone, purpose, body } : { error: `no ${purpose} text sent to this number` });
  };
}

import { createDataSource } from '@kz/db';
import { loadIdentityConfig } from './config';
import { SigningKeys } from './domain/signing-keys';
import { identityEntities } from './entities';
import { identityMigrations } from './migrations';

/**
 * Operator command: schedules a new access-token signing key. Running identity
 * instances pick it up by themselves; nothing restarts.
 */
async function main(): Promise<void> {
  const config = loadIdentityConfig();
  const dataSource = createDataSource({
    url: config.databaseUrl,
    entities: identityEntities,
    migrations: identityMigrations,
    applicationName: 'kz-identity-rotate-key',
  });
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) {
      throw new Error('The identity database is not migrated to this version; start the identity service once (it migrates at start), then rotate.');
    }
    const keys = new SigningKeys(dataSource, config.issuer, config.audience, config.accessTokenTtlSeconds, config.keyActivationDelaySeconds);
    const key = await keys.rotate();
    process.stdout.write(`New signing key ${key.kid} is published now and signs from ${key.activatesAt.toISOString()}.\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`rotate-signing-key: ${err.message}\n`);
  process.exit(1);
});

import './tracing';
import { createLogger, runProcess } from '@kz/server';
import { createGroupsApp } from './app';
import { loadGroupsConfig } from './config';

const logger = createLogger('groups');
runProcess(
  'groups',
  async () => {
    const app = await createGroupsApp(loadGroupsConfig(), logger);
    await app.start();
    return app;
  },
  logger,
);

#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ApiClient, CliError } from './api-client';
import { importCommand } from './import-command';
import { signIn } from './sign-in';

const USAGE = `usage: npm run kz -- import FILE --org ORG_ID [--group GROUP_ID]... [--dry-run] [--country IN] [--update-existing]
                     [--phone +NUMBER [--code CODE]] [--gateway URL]

  Signs in (or uses KZ_TOKEN), uploads FILE as a member import into the
  organisation's directory (and the groups named), shows progress with rate
  and time left, then prints the summary and where the error report is.
  Exit status: 0 completed, 1 completed with errors or failed, 2 bad usage.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      group: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      country: { type: 'string', default: process.env.DEFAULT_PHONE_REGION ?? 'US' },
      'update-existing': { type: 'boolean', default: false },
      phone: { type: 'string' },
      code: { type: 'string' },
      gateway: { type: 'string', default: process.env.KZ_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, file] = positionals;
  if (values.help || command !== 'import' || !file || !values.org) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const api = new ApiClient(values.gateway);
  await signIn(api, values.phone, values.code, process.env);
  return importCommand(
    api,
    { file, orgId: values.org, groupIds: values.group ?? [], dryRun: values['dry-run'], country: values.country, updateExisting: values['update-existing'] },
    process.stdout,
    process.stderr,
  );
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`kz: ${err instanceof CliError ? err.message : (err.stack ?? String(err))}\n`);
    process.exit(err instanceof CliError ? 1 : 70);
  },
);

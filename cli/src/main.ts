#!/usr/bin/env node
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiClient, CliError } from './api-client';
import { exportCommand, parseInstant } from './export-command';
import { importChatCommand, parseAuthorMapping } from './import-chat-command';
import { importCommand } from './import-command';
import { signIn } from './sign-in';

const USAGE = `usage: npm run kz -- import FILE --org ORG_ID [--group GROUP_ID]... [--dry-run] [--country IN] [--update-existing]
                     [--phone +NUMBER [--code CODE]] [--gateway URL]
       npm run kz -- export --org ORG_ID [--from DATE|INSTANT] [--to DATE|INSTANT] [--out FILE]
                     [--phone +NUMBER [--code CODE]] [--gateway URL]
       npm run kz -- import-chat FILE (--group GROUP_ID | --org ORG_ID [--new-group NAME]) [--time-zone ZONE]
                     [--country CC] [--date-order day-first|month-first] [--dry-run]
                     [--map "Author Name=+NUMBER"]... [--placeholder "Author Name"]... [--add-members]
                     [--phone +NUMBER [--code CODE]] [--gateway URL]

  All sign in with --phone (asking for the code sent to it unless --code is
  given), or use the access token in KZ_TOKEN.

  import  Uploads FILE as a member import into the organisation's directory
          (and the groups named), shows progress with rate and time left, then
          prints the summary and where the error report is.
          Exit status: 0 completed, 1 completed with errors or failed, 2 bad usage.

  export  Exports the organisation's data (directory, groups, memberships, and
          the messages, polls, votes and attachments sent from --from and
          before --to; a date means midnight UTC, an instant needs its offset,
          e.g. 2025-03-01T09:30:00+05:30) as an organisation admin: shows
          progress with rate and time left, downloads the archive to FILE
          (by default the server's file name, in this directory), checks its
          SHA-256 and prints where it is, its size and checksum. Ctrl-C stops
          waiting, not the export, and says how to download it later.
          Exit status: 0 completed, 1 failed, cancelled or checksum mismatch,
          2 bad usage, 130 stopped with Ctrl-C.

  import-chat
          Imports a WhatsApp chat export (the .txt, or the .zip made with media)
          into an organisation group you administer, or a new one (named after
          the export unless --new-group). --time-zone is the exporting phone's
          (default: this machine's). Prints the preview (format, counts, each
          author and whom they match), then, unless --dry-run, writes the
          history with a progress bar: --map gives an author to the directory
          member with that number, --placeholder keeps one as a named
          placeholder, --add-members adds the mapped people to the group.
          Exit status: 0 completed, 1 refused or failed, 2 bad usage.`;

const SIGN_IN_OPTIONS = {
  phone: { type: 'string' },
  code: { type: 'string' },
  gateway: { type: 'string', default: process.env.KZ_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const IMPORT_OPTIONS = {
  ...SIGN_IN_OPTIONS,
  org: { type: 'string' },
  group: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean', default: false },
  country: { type: 'string', default: process.env.DEFAULT_PHONE_REGION ?? 'US' },
  'update-existing': { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

const IMPORT_CHAT_OPTIONS = {
  ...SIGN_IN_OPTIONS,
  org: { type: 'string' },
  group: { type: 'string' },
  'new-group': { type: 'string' },
  'time-zone': { type: 'string', default: Intl.DateTimeFormat().resolvedOptions().timeZone },
  country: { type: 'string', default: process.env.DEFAULT_PHONE_REGION ?? 'US' },
  'date-order': { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  map: { type: 'string', multiple: true },
  placeholder: { type: 'string', multiple: true },
  'add-members': { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

const EXPORT_OPTIONS = {
  ...SIGN_IN_OPTIONS,
  org: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Wrong arguments: said in one line, then the usage. */
class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    if (!(err instanceof UsageError) && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') !== true) throw err;
    process.stderr.write(`kz: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
}

async function run(argv: string[]): Promise<number> {
  // The command is the first word that is not an option; each command then takes only its own options.
  const loose = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { ...IMPORT_OPTIONS, ...EXPORT_OPTIONS, ...IMPORT_CHAT_OPTIONS } });
  const command = loose.positionals[0];
  if (command === 'import') {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: IMPORT_OPTIONS });
    const [, file, ...extra] = positionals;
    if (values.help) return help();
    if (!file || !values.org || extra.length > 0)
      throw new UsageError(!file ? 'import needs a FILE.' : !values.org ? 'import needs --org.' : `unexpected argument ${extra[0]}`);
    const api = new ApiClient(values.gateway);
    await signIn(api, values.phone, values.code, process.env);
    return importCommand(
      api,
      { file, orgId: values.org, groupIds: values.group ?? [], dryRun: values['dry-run'], country: values.country, updateExisting: values['update-existing'] },
      process.stdout,
      process.stderr,
    );
  }
  if (command === 'export') {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: EXPORT_OPTIONS });
    if (values.help) return help();
    if (positionals.length > 1) throw new UsageError(`unexpected argument ${positionals[1]}`);
    if (!values.org) throw new UsageError('export needs --org.');
    const [from, to] = [instantOption('from', values.from), instantOption('to', values.to)];
    const api = new ApiClient(values.gateway);
    await signIn(api, values.phone, values.code, process.env);
    // Ctrl-C stops the waiting, not the export; a second one ends the command at once.
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    return exportCommand(api, { orgId: values.org, from, to, out: values.out ?? null }, process.stdout, process.stderr, stop.signal);
  }
  if (command === 'import-chat') {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: IMPORT_CHAT_OPTIONS });
    const [, file, ...extra] = positionals;
    if (values.help) return help();
    if (!file) throw new UsageError('import-chat needs a FILE.');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    if (Boolean(values.group) === Boolean(values.org)) throw new UsageError('import-chat needs --group, or --org (with --new-group if you like), not both.');
    if (values.group && values['new-group']) throw new UsageError('--new-group goes with --org, not --group.');
    const order = values['date-order'];
    if (order !== undefined && order !== 'day-first' && order !== 'month-first') throw new UsageError('--date-order is day-first or month-first.');
    const authors = [
      ...(values.map ?? []).map((m) => parseAuthorMapping(m) ?? badMapping(m)),
      ...(values.placeholder ?? []).map((name) => ({ name, phone: null })),
    ];
    const api = new ApiClient(values.gateway);
    await signIn(api, values.phone, values.code, process.env);
    return importChatCommand(
      api,
      {
        file,
        orgId: values.org ?? null,
        groupId: values.group ?? null,
        newGroup: values['new-group'] ?? null,
        timeZone: values['time-zone'],
        country: values.country,
        dateOrder: order === 'month-first' ? 'MONTH_FIRST' : order === 'day-first' ? 'DAY_FIRST' : null,
        dryRun: values['dry-run'],
        authors,
        addMembers: values['add-members'],
      },
      process.stdout,
      process.stderr,
    );
  }
  if (loose.values.help) return help();
  throw new UsageError(command ? `unknown command ${command}` : 'name a command: import, export or import-chat.');
}

function badMapping(value: string): never {
  throw new UsageError(`--map ${value} is not "Author Name=+NUMBER".`);
}

function instantOption(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const instant = parseInstant(value);
  if (instant === null) throw new UsageError(`--${name} ${value} is neither a date (2025-03-01) nor an instant with its offset (2025-03-01T09:30:00Z).`);
  return instant;
}

function help(): number {
  process.stdout.write(`${USAGE}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`kz: ${err instanceof CliError ? err.message : (err.stack ?? String(err))}\n`);
    process.exit(err instanceof CliError ? 1 : 70);
  },
);

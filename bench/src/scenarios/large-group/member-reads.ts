import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { memberId } from './members';
import { mustOk, timedGraphQL } from './timed-request';

const PAGE = `query($id: ID!, $after: String) { group(id: $id) { members(first: 50, after: $after) { edges { node { role user { id } } } pageInfo { endCursor hasNextPage } } } }`;
const SEARCH = `query($id: ID!, $search: String!) { group(id: $id) { members(first: 50, search: $search) { edges { node { role user { id } } } pageInfo { endCursor hasNextPage } } } }`;
/** The first pass only needs where each page of 500 ends; the last page is fetched again with its edges, to count them. */
const PASS = `query($id: ID!, $after: String) { group(id: $id) { members(first: 500, after: $after) { pageInfo { endCursor hasNextPage } } } }`;
const LAST = `query($id: ID!, $after: String) { group(id: $id) { members(first: 500, after: $after) { edges { cursor } pageInfo { hasNextPage } } } }`;

export type Via = 'gateway' | 'subgraph';
export type Kind = 'page' | 'name search' | 'phone search';

interface MemberPage {
  edges: { node: { role: string; user: { id: string } } }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export interface PageCursor {
  /** Members before the page the cursor starts. */
  before: number;
  cursor: string | null;
}

/** Not timed: the whole member list in pages of 500 at the groups subgraph, keeping where each page starts. */
export async function firstPass(
  groupsUrl: string,
  groupId: string,
  token: string,
  /** What the gateway would add to reach the subgraph (its SUBGRAPH_SECRET). */
  asGateway: Record<string, string>,
): Promise<{ cursors: PageCursor[]; seen: number; seconds: number }> {
  const started = performance.now();
  const cursors: PageCursor[] = [{ before: 0, cursor: null }];
  let seen = 0;
  for (let after: string | null = null; ;) {
    const res = await timedGraphQL(groupsUrl, JSON.stringify({ query: PASS, variables: { id: groupId, after } }), token, asGateway);
    const conn = mustOk('first pass', res).group.members;
    if (!conn.pageInfo.hasNextPage) {
      const last = mustOk('last page', await timedGraphQL(groupsUrl, JSON.stringify({ query: LAST, variables: { id: groupId, after } }), token, asGateway))
        .group.members;
      seen += last.edges.length;
      break;
    }
    seen += 500;
    after = conn.pageInfo.endCursor;
    cursors.push({ before: seen, cursor: after });
  }
  return { cursors, seen, seconds: (performance.now() - started) / 1000 };
}

/**
 * Member pages and searches of one group, each request sent through the gateway and straight to the groups
 * subgraph in alternating order, one at a time, timed from sending to the last byte; both answers must agree,
 * and every answer is checked against the members the scenario added.
 */
export class MemberReads {
  readonly latencies: Record<Kind, Record<Via, number[]>> = {
    page: { gateway: [], subgraph: [] },
    'name search': { gateway: [], subgraph: [] },
    'phone search': { gateway: [], subgraph: [] },
  };
  readonly byPrefixLength: Record<string, Record<Via, number[]>> = {};
  readonly wrongAnswers: string[] = [];
  private alternate = 0;

  constructor(
    private readonly urls: Record<Via, string>,
    /** What the gateway would add to reach the subgraph (its SUBGRAPH_SECRET). */
    private readonly asGateway: Record<string, string>,
    private readonly token: string,
    private readonly groupId: string,
    /** Members added by the scenario (numbered from 0), whom searches must find. */
    private readonly members: number,
    private readonly warmup: number,
  ) {}

  /** Unmeasured pages from random cursors. */
  async warmUpPages(cursors: PageCursor[], random: () => number): Promise<void> {
    for (let w = 0; w < this.warmup; w++) await this.both(PAGE, { id: this.groupId, after: cursors[Math.floor(random() * cursors.length)]!.cursor }, null);
  }

  /** Walks of `pagesPerWalk` consecutive pages of 50 from each start. */
  async walkPages(starts: PageCursor[], pagesPerWalk: number): Promise<void> {
    for (const start of starts) {
      let after = start.cursor;
      const ids = new Set<string>();
      for (let p = 0; p < pagesPerWalk; p++) {
        const conn = await this.both(PAGE, { id: this.groupId, after }, (via, ms) => this.latencies.page[via].push(ms));
        if (conn.edges.length !== 50) this.wrong(`page ${p} of the walk from member ${start.before} has ${conn.edges.length} members`);
        for (const e of conn.edges) {
          if (ids.has(e.node.user.id)) this.wrong(`member ${e.node.user.id} appears twice in the walk from member ${start.before}`);
          ids.add(e.node.user.id);
        }
        if (!conn.pageInfo.endCursor) {
          this.wrong(`page ${p} of the walk from member ${start.before} has no end cursor`);
          break;
        }
        after = conn.pageInfo.endCursor;
      }
    }
  }

  /** Unmeasured name and phone searches of the first prefixes. */
  async warmUpSearches(prefixes: readonly string[]): Promise<void> {
    for (let w = 0; w < this.warmup; w++) {
      const digits = prefixes[w % prefixes.length]!;
      await this.both(SEARCH, { id: this.groupId, search: `member ${digits}` }, null);
      await this.both(SEARCH, { id: this.groupId, search: `+14152${digits}` }, null);
    }
  }

  /** A name and a phone search for each prefix of digits ("member 0123", "+141520123"), each answer checked. */
  async searchPrefixes(prefixes: readonly string[]): Promise<void> {
    for (const digits of prefixes) {
      for (const [kind, search] of [
        ['name search', `member ${digits}`],
        ['phone search', `+14152${digits}`],
      ] as const) {
        const key = `${kind}, ${digits.length} digit${digits.length > 1 ? 's' : ''}`;
        const byLength = (this.byPrefixLength[key] ??= { gateway: [], subgraph: [] });
        const conn = await this.both(SEARCH, { id: this.groupId, search }, (via, ms) => {
          this.latencies[kind][via].push(ms);
          byLength[via].push(ms);
        });
        this.checkSearch(kind, search, digits, conn);
      }
    }
  }

  /** The first 50 matches of a prefix of member numbers, in order, and whether more follow. */
  private checkSearch(kind: Kind, search: string, digits: string, conn: MemberPage): void {
    const scale = 10 ** (6 - digits.length);
    const lo = Number(digits) * scale;
    const matches = Math.max(0, Math.min(this.members, lo + scale) - lo);
    const expected = Array.from({ length: Math.min(50, matches) }, (_, k) => memberId(lo + k));
    const got = conn.edges.map((e) => e.node.user.id);
    if (!isDeepStrictEqual(got, expected)) this.wrong(`${kind} "${search}": ${got.length} members, not the first ${expected.length} of ${matches} in order`);
    else if (conn.pageInfo.hasNextPage !== matches > 50) this.wrong(`${kind} "${search}": hasNextPage ${conn.pageInfo.hasNextPage} with ${matches} matches`);
  }

  /** The same operation through both paths, in alternating order; both answers must agree. */
  private async both(query: string, variables: Record<string, unknown>, record: ((via: Via, ms: number) => void) | null): Promise<MemberPage> {
    const body = JSON.stringify({ query, variables });
    const order: Via[] = this.alternate++ % 2 ? ['subgraph', 'gateway'] : ['gateway', 'subgraph'];
    const answers: Partial<Record<Via, MemberPage>> = {};
    for (const via of order) {
      const res = await timedGraphQL(this.urls[via], body, this.token, via === 'subgraph' ? this.asGateway : {});
      answers[via] = mustOk(`${via} ${JSON.stringify(variables)}`, res).group.members;
      record?.(via, res.ms);
    }
    if (!isDeepStrictEqual(answers.gateway, answers.subgraph)) this.wrong(`gateway and subgraph disagree on ${JSON.stringify(variables)}`);
    return answers.gateway!;
  }

  private wrong(message: string): void {
    this.wrongAnswers.push(message);
  }

  /** The first five wrong answers, and how many more there were. */
  problems(): string[] {
    const shown = this.wrongAnswers.slice(0, 5);
    return this.wrongAnswers.length > 5 ? [...shown, `… ${this.wrongAnswers.length - 5} more wrong answers`] : shown;
  }
}

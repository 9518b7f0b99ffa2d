import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';

const MentionCandidatesQuery = graphql(`
  query MentionCandidates($groupId: ID!, $search: String!) {
    group(id: $groupId) {
      id
      members(first: 6, search: $search) {
        edges {
          node {
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

export interface MentionCandidate {
  id: string;
  displayName: string;
}

/** What is being typed after an @ just before the caret, if anything: "@an" → "an". */
export function mentionQueryAt(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([^\s@]{0,40})$/u.exec(before);
  if (!match) return null;
  return { query: match[1]!, start: caret - match[1]!.length - 1 };
}

/** Keystrokes settle for this long before the members are searched. */
const DEBOUNCE_MS = 150;

/**
 * The group's members whose names start with what follows the @: searched on the server (a group may have a
 * million members; none are loaded ahead), a handful at a time.
 */
export function useMentionSearch(groupId: string, query: string | null): MentionCandidate[] {
  const [settled, setSettled] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const { data, previousData } = useQuery(MentionCandidatesQuery, {
    variables: { groupId, search: settled ?? '' },
    // A mention is by name: after @, a number would be a search by phone, which only admins may make.
    skip: settled === null || settled.length === 0 || /^[+\d]/.test(settled),
    fetchPolicy: 'cache-first',
  });
  if (query === null || query.length === 0) return [];
  const edges = (data ?? previousData)?.group?.members.edges ?? [];
  return edges.map((e) => e.node.user);
}

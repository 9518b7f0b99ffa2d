import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { Network } from '../../gql/graphql';
import { applyEntryChanges, applyRemovals, changedEntryOf } from './directory-cache';
import type { BulkOutcome } from './directory-format';

const SetMembersNetworkMutation = graphql(`
  mutation SetMembersNetwork($input: SetMembersNetworkInput!) {
    setMembersNetwork(input: $input) {
      outcomes {
        userId
        status
        message
        member {
          ...ChangedDirectoryEntry
        }
      }
    }
  }
`);

const RemoveOrganizationMembersMutation = graphql(`
  mutation RemoveOrganizationMembers($input: RemoveOrganizationMembersInput!) {
    removeOrganizationMembers(input: $input) {
      outcomes {
        userId
        status
        message
      }
    }
  }
`);

/** The most people either bulk mutation takes in one call. */
const MAX_PER_CALL = 1_000;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += MAX_PER_CALL) out.push(items.slice(start, start + MAX_PER_CALL));
  return out;
}

/** A bulk change that failed part-way: the outcomes of the calls already answered, and the error of the next. */
export class PartialBulkError extends Error {
  constructor(
    readonly outcomes: BulkOutcome[],
    readonly failure: unknown,
  ) {
    super('A bulk change stopped part-way.');
    this.name = 'PartialBulkError';
  }
}

/**
 * Moving and removing many people at once, 1,000 per call (the API's limit), with one outcome per person; the
 * loaded directory lists follow each answer.
 */
export function useBulkChanges(orgId: string) {
  const [setNetworks, networkState] = useMutation(SetMembersNetworkMutation);
  const [removeMembers, removeState] = useMutation(RemoveOrganizationMembersMutation);

  const moveToNetwork = async (userIds: readonly string[], network: Network): Promise<BulkOutcome[]> => {
    const outcomes: BulkOutcome[] = [];
    for (const batch of batches(userIds)) {
      try {
        const { data } = await setNetworks({
          variables: { input: { organizationId: orgId, userIds: batch, network } },
          update: (cache, answer) => {
            const changed = (answer.data?.setMembersNetwork.outcomes ?? []).flatMap((o) =>
              o.status === 'CHANGED' && o.member ? [changedEntryOf(o.member)] : [],
            );
            applyEntryChanges(cache, orgId, changed);
          },
        });
        outcomes.push(...(data?.setMembersNetwork.outcomes ?? []).map(({ userId, status, message }) => ({ userId, status, message })));
      } catch (error) {
        throw new PartialBulkError(outcomes, error);
      }
    }
    return outcomes;
  };

  const remove = async (userIds: readonly string[]): Promise<BulkOutcome[]> => {
    const outcomes: BulkOutcome[] = [];
    for (const batch of batches(userIds)) {
      try {
        const { data } = await removeMembers({
          variables: { input: { organizationId: orgId, userIds: batch } },
          update: (cache, answer) => {
            const removed = (answer.data?.removeOrganizationMembers.outcomes ?? []).filter((o) => o.status === 'REMOVED').map((o) => o.userId);
            applyRemovals(cache, orgId, new Set(removed));
          },
        });
        outcomes.push(...(data?.removeOrganizationMembers.outcomes ?? []));
      } catch (error) {
        throw new PartialBulkError(outcomes, error);
      }
    }
    return outcomes;
  };

  return { moveToNetwork, remove, moving: networkState.loading, removing: removeState.loading };
}

import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { AttributeType } from '../../gql/graphql';

const DefineUserAttributeMutation = graphql(`
  mutation DefineUserAttribute($input: DefineUserAttributeInput!) {
    defineUserAttribute(input: $input) {
      definition {
        name
        type
        mandatory
      }
    }
  }
`);

export const OrganizationAttributesQuery = graphql(`
  query OrganizationAttributes($orgId: ID!) {
    organization(id: $orgId) {
      id
      name
      myRole
      attributeDefinitions {
        ...AttributeRow
      }
    }
    suggestedUserAttributes {
      ...SuggestedAttribute
    }
  }
`);

/**
 * defineUserAttribute both defines an attribute and, given the name of one already defined (with its type),
 * changes whether it is mandatory. Definitions have no id of their own, so the list loads afresh after each.
 */
export function useDefineAttribute(orgId: string) {
  const [define, state] = useMutation(DefineUserAttributeMutation, {
    refetchQueries: [OrganizationAttributesQuery],
    awaitRefetchQueries: true,
  });
  const run = (input: { name: string; type: AttributeType; mandatory: boolean }) => define({ variables: { input: { organizationId: orgId, ...input } } });
  return [run, state] as const;
}

import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      displayName
      phone
      organizations {
        role
        network
        organization {
          id
          name
        }
      }
    }
  }
`);

/** The signed-in person and the organisations they belong to (the shell, home and guards read it from the cache). */
export function useViewer() {
  return useQuery(ViewerQuery, { fetchPolicy: 'cache-first' });
}

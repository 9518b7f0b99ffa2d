import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { session } from '../api/session';
import { graphql } from '../gql';

const SignOutMutation = graphql(`
  mutation SignOut($input: SignOutInput!) {
    signOut(input: $input) {
      signedOut
    }
  }
`);

/** Ends the session on the server (this device's refresh token), then here, whatever the server answered. */
export function useSignOut(): () => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut] = useMutation(SignOutMutation);
  return async () => {
    const refreshToken = session.current?.refreshToken;
    if (refreshToken) await signOut({ variables: { input: { refreshToken } } }).catch(() => undefined);
    session.clear();
    await client.clearStore();
    navigate('/sign-in', { replace: true });
  };
}

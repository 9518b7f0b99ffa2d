import { useLazyQuery } from '@apollo/client/react';
import { Alert, Button, Code, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';

const AuditLogIntegrityQuery = graphql(`
  query AuditLogIntegrity($orgId: ID!) {
    organization(id: $orgId) {
      id
      auditLogIntegrity {
        intact
        entries
        headHash
        brokenAt
        problem
      }
    }
  }
`);

/** Recomputes the log's hash chain on request: intact (with the newest hash, to keep elsewhere), or where it breaks. */
export function AuditIntegrity(props: { orgId: string }) {
  const [check, { data, loading, error }] = useLazyQuery(AuditLogIntegrityQuery, { fetchPolicy: 'network-only' });
  const result = data?.organization?.auditLogIntegrity;
  return (
    <Stack gap="xs" align="flex-start">
      <Title order={2} size="h4">
        Integrity
      </Title>
      <Text size="sm" c="dimmed">
        Each entry is chained to the one before it by a SHA-256 hash, so an entry changed or removed in the database shows here.
      </Text>
      <Button variant="default" loading={loading} onClick={() => void check({ variables: { orgId: props.orgId } })}>
        Check integrity
      </Button>
      <ErrorAlert error={error} />
      {result &&
        (result.intact ? (
          <Alert color="green" title="The log is intact" role="status">
            All {result.entries.toLocaleString('en')} entries are as they were recorded.
            {result.headHash && (
              <>
                {' '}
                Newest hash: <Code style={{ overflowWrap: 'anywhere' }}>{result.headHash}</Code>
              </>
            )}
          </Alert>
        ) : (
          <Alert color="red" title="The log has been tampered with" role="alert">
            {result.problem} The first {result.entries.toLocaleString('en')} entries are as recorded.
          </Alert>
        ))}
    </Stack>
  );
}

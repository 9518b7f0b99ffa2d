import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { countryName } from './countries';
import { formatDateTime } from './import-format';

export const ImportFactsFragment = graphql(`
  fragment ImportFacts on ImportJob {
    id
    fileName
    createdAt
    processingStartedAt
    finishedAt
    defaultCountry
    existingUsers
    startedBy {
      id
      displayName
    }
    groups {
      id
      name
    }
  }
`);

/** Who uploaded what, when, and where the people go. */
export function ImportFacts(props: { job: FragmentType<typeof ImportFactsFragment> }) {
  const job = getFragmentData(ImportFactsFragment, props.job);
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" component="dl" style={{ margin: 0 }}>
        <Fact term="File">{job.fileName ?? 'Not uploaded'}</Fact>
        <Fact term="Uploaded by">{job.startedBy.displayName}</Fact>
        <Fact term="Started">{formatDateTime(job.createdAt)}</Fact>
        <Fact term="Into">{job.groups.length === 0 ? 'The directory only' : `The directory and ${job.groups.map((g) => g.name).join(', ')}`}</Fact>
        <Fact term="Numbers without a country code">{`${countryName(job.defaultCountry)} (${job.defaultCountry})`}</Fact>
        <Fact term="People already in the directory">{job.existingUsers === 'UPDATE' ? 'Updated from the file' : 'Left as they are'}</Fact>
        {job.finishedAt && <Fact term="Finished">{formatDateTime(job.finishedAt)}</Fact>}
      </SimpleGrid>
    </Paper>
  );
}

function Fact(props: { term: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text component="dt" size="xs" c="dimmed">
        {props.term}
      </Text>
      <Text component="dd" size="sm" style={{ margin: 0, overflowWrap: 'anywhere' }}>
        {props.children}
      </Text>
    </Stack>
  );
}

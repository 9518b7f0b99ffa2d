import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Button, Center, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page';
import { graphql } from '../../gql';
import { activityTime } from './conversation-format';
import { MessageText } from './message-text';

const SearchMessagesQuery = graphql(`
  query SearchMessages($query: String!, $after: String) {
    searchMessages(query: $query, first: 20, after: $after) {
      edges {
        cursor
        node {
          highlight
          message {
            id
            sentAt
            author {
              id
              displayName
            }
            group {
              id
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Messages matching words, across every group the person reads, newest first; each opens its conversation at the message. */
export function SearchScreen() {
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  usePageTitle(query ? `Search: ${query}` : 'Search');
  const navigate = useNavigate();
  const [words, setWords] = useState(query);
  const { data, loading, error, fetchMore } = useQuery(SearchMessagesQuery, {
    variables: { query },
    skip: !query,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const results = data?.searchMessages;
  const now = new Date();

  return (
    <Stack p="md" gap="sm" style={{ overflowY: 'auto' }}>
      <Title order={1} size="h3">
        {query ? `Messages with “${query}”` : 'Search messages'}
      </Title>
      {/* A phone's header has no room for the search box: it is here instead. */}
      <Box
        component="form"
        role="search"
        hiddenFrom="sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (words.trim()) navigate(`/chat/search?q=${encodeURIComponent(words.trim())}`);
        }}
      >
        <TextInput aria-label="Search messages" placeholder="Search messages" type="search" value={words} onChange={(e) => setWords(e.currentTarget.value)} />
      </Box>
      <ErrorAlert error={error} />
      {!query && <Text c="dimmed">Type words in the search box to find messages in all your groups.</Text>}
      {loading && !results && (
        <Center>
          <Loader size="sm" aria-label="Searching" />
        </Center>
      )}
      {results && results.edges.length === 0 && <Text c="dimmed">No message in your groups matches “{query}”.</Text>}
      {results && results.edges.length > 0 && (
        <ol aria-label="Search results" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {results.edges.map(({ cursor, node }) => (
            <li key={cursor} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', padding: '8px 0' }}>
              <Anchor component={Link} to={`/chat/${node.message.group.id}?message=${node.message.id}`} underline="never" c="inherit">
                <Text size="xs" c="dimmed">
                  {node.message.group.name} · {node.message.author.displayName} · {activityTime(new Date(node.message.sentAt), now)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <MessageText text={node.highlight} highlighted />
                </Text>
              </Anchor>
            </li>
          ))}
        </ol>
      )}
      {results?.pageInfo.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          loading={loading}
          onClick={() => void fetchMore({ variables: { after: results.pageInfo.endCursor } })}
          style={{ alignSelf: 'flex-start' }}
        >
          More results
        </Button>
      )}
    </Stack>
  );
}

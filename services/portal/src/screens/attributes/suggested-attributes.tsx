import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { AttributeType } from '../../gql/graphql';
import { attributeKey, TYPE_LABELS } from './attribute-format';

export const SuggestedAttributeFragment = graphql(`
  fragment SuggestedAttribute on SuggestedAttribute {
    name
    type
  }
`);

/** Attributes most organisations define, one click each; those already defined are left out. */
export function SuggestedAttributes(props: {
  suggestions: readonly FragmentType<typeof SuggestedAttributeFragment>[];
  definedNames: readonly string[];
  addingName: string | null;
  onAdd: (suggestion: { name: string; type: AttributeType }) => void;
}) {
  const defined = new Set(props.definedNames.map(attributeKey));
  const open = props.suggestions.map((s) => getFragmentData(SuggestedAttributeFragment, s)).filter((s) => !defined.has(attributeKey(s.name)));
  if (open.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="suggested-attributes-heading">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="suggested-attributes-heading">
            Suggested attributes
          </Title>
          <Text size="sm" c="dimmed">
            Ones most organisations use. Each is added as optional text; make it mandatory afterwards if you need to.
          </Text>
        </div>
        <Group gap="xs">
          {open.map((s) => (
            <Button
              key={s.name}
              variant="light"
              size="xs"
              loading={props.addingName === s.name}
              disabled={props.addingName !== null}
              onClick={() => props.onAdd(s)}
            >
              Add {s.name}
              <Text span size="xs" c="dimmed" ml={6} aria-hidden>
                {TYPE_LABELS[s.type]}
              </Text>
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

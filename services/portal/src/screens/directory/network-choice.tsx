import { Radio, Stack } from '@mantine/core';
import type { Network } from '../../gql/graphql';
import { NETWORK_DESCRIPTIONS, NETWORK_LABELS } from './directory-format';

const NETWORKS: readonly Network[] = ['EMPLOYEE', 'OTHER'];

/** Employees or Others, each with what it means for the person. */
export function NetworkChoice(props: { value: Network; onChange: (network: Network) => void; error?: string | undefined }) {
  return (
    <Radio.Group label="Network" value={props.value} onChange={(v) => props.onChange(v as Network)} error={props.error}>
      <Stack gap="xs" mt={4}>
        {NETWORKS.map((n) => (
          <Radio key={n} value={n} label={NETWORK_LABELS[n]} description={NETWORK_DESCRIPTIONS[n]} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

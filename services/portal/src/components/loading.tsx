import { Center, Loader } from '@mantine/core';

/** A spinner that says what is loading, for screen readers too. */
export function Loading(props: { label?: string }) {
  const label = props.label ?? 'Loading';
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <span style={{ marginLeft: 8 }}>{label}…</span>
    </Center>
  );
}

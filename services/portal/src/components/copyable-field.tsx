import { Button, CopyButton, Group, TextInput } from '@mantine/core';

/** A read-only value to copy once (a secret shown once, an id), with a button that says when it is copied. */
export function CopyableField(props: { label: string; value: string; copyLabel: string; copiedLabel: string; secret?: boolean }) {
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={props.label}
        value={props.value}
        readOnly
        style={{ flex: 1, minWidth: 0 }}
        styles={props.secret ? { input: { fontFamily: 'monospace' } } : undefined}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton value={props.value}>
        {({ copied, copy }) => (
          <Button variant={props.secret ? 'filled' : 'default'} onClick={copy} miw={150}>
            {copied ? props.copiedLabel : props.copyLabel}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

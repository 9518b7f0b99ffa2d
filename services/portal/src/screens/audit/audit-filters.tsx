import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ACTION_AREAS } from './audit-actions';

export interface AuditFilterValues {
  action: string | null;
  /** Days, as the date inputs give them (yyyy-mm-dd): from the start of `from` to the end of `to`. */
  from: string;
  to: string;
}

export const NO_FILTER: AuditFilterValues = { action: null, from: '', to: '' };

/** The API's filter for the chosen area and days (the days in the browser's time zone). */
export function apiFilter(values: AuditFilterValues): { action?: string; from?: string; to?: string } {
  const dayStart = (day: string, plusDays = 0) => {
    const at = new Date(`${day}T00:00:00`);
    at.setDate(at.getDate() + plusDays);
    return at.toISOString();
  };
  return {
    ...(values.action ? { action: values.action } : {}),
    ...(values.from ? { from: dayStart(values.from) } : {}),
    ...(values.to ? { to: dayStart(values.to, 1) } : {}),
  };
}

/** Narrows the log to one area of actions and a span of days; the server's refusal of a field shows beside it. */
export function AuditFilters(props: { errors: Record<string, string>; onApply: (values: AuditFilterValues) => void }) {
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTER);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A new object each time: applying the same filters again asks again.
    props.onApply({ ...values });
  };
  return (
    <form onSubmit={submit} aria-label="Filter the audit log">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Actions"
          placeholder="All actions"
          data={ACTION_AREAS}
          value={values.action}
          onChange={(action) => setValues({ ...values, action })}
          clearable
          w={240}
          error={props.errors['action']}
        />
        <TextInput
          label="From"
          type="date"
          value={values.from}
          onChange={(e) => setValues({ ...values, from: e.currentTarget.value })}
          error={props.errors['from']}
        />
        <TextInput label="To" type="date" value={values.to} onChange={(e) => setValues({ ...values, to: e.currentTarget.value })} error={props.errors['to']} />
        <Button type="submit" variant="default">
          Apply
        </Button>
      </Group>
    </form>
  );
}

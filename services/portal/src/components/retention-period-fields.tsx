import { NumberInput, Radio, Stack } from '@mantine/core';
import type { UserError } from '../api/errors';

/** Either the default period (for ever for an organisation, the organisation's for a group) or a number of days. */
export type RetentionChoice = 'DEFAULT' | 'DAYS';

export interface RetentionDraft {
  choice: RetentionChoice;
  /** As typed: the number input gives a string while it is empty or being edited. */
  days: string | number;
}

export function toRetentionDraft(keepDays: number | null | undefined): RetentionDraft {
  return keepDays == null ? { choice: 'DEFAULT', days: '' } : { choice: 'DAYS', days: keepDays };
}

/**
 * The keepDays the API takes for a draft: null for the default. Only an empty days field is refused here; the range
 * is the server's to check, so its own sentence shows beside the field.
 */
export function keepDaysOf(draft: RetentionDraft): { keepDays: number | null } | { error: UserError } {
  if (draft.choice === 'DEFAULT') return { keepDays: null };
  if (draft.days === '' || !Number.isFinite(Number(draft.days))) {
    return { error: { code: 'BAD_USER_INPUT', message: 'Enter the number of days to keep messages for.', field: 'keepDays' } };
  }
  return { keepDays: Number(draft.days) };
}

/** The choice between the default period and a number of days, with the days field under its option. */
export function RetentionPeriodFields(props: {
  draft: RetentionDraft;
  onChange: (draft: RetentionDraft) => void;
  defaultLabel: string;
  defaultDescription: string;
  daysDescription: string;
  error?: string | undefined;
}) {
  const { draft, onChange } = props;
  return (
    <Radio.Group label="How long messages are kept" value={draft.choice} onChange={(v) => onChange({ ...draft, choice: v as RetentionChoice })}>
      <Stack gap="xs" mt={6}>
        <Radio value="DEFAULT" label={props.defaultLabel} description={props.defaultDescription} />
        <Radio value="DAYS" label="Delete messages after a number of days" description={props.daysDescription} />
        {draft.choice === 'DAYS' && (
          <NumberInput
            // Under the option's label, past the radio button.
            ml={32}
            maw={200}
            label="Days"
            description="From 1 to 36,500."
            value={draft.days}
            onChange={(days) => onChange({ ...draft, days })}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            error={props.error}
            required
          />
        )}
      </Stack>
    </Radio.Group>
  );
}

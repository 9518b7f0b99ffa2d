import { Alert, List } from '@mantine/core';
import { userErrors, type UserError } from '../api/errors';

/**
 * Errors in words, placed beside what they are about. Takes an operation's error (turned into words by the one
 * presenter in api/errors) or errors already split off from a form's fields.
 */
export function ErrorAlert(props: { error?: unknown; errors?: UserError[]; title?: string }) {
  const errors = props.errors ?? userErrors(props.error);
  if (errors.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={props.title} role="alert">
      {errors.length === 1 ? (
        errors[0]!.message
      ) : (
        <List size="sm">
          {errors.map((e, i) => (
            <List.Item key={i}>{e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

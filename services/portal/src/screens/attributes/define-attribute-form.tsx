import { Button, Checkbox, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import type { AttributeType } from '../../gql/graphql';
import { ATTRIBUTE_TYPES, attributeKey, TYPE_LABELS } from './attribute-format';
import { useDefineAttribute } from './define-attribute';

/** Defines a new attribute: its name, its type (fixed once defined), and whether everyone must have a value. */
export function DefineAttributeForm(props: { orgId: string; definedNames: readonly string[] }) {
  const [define, { loading }] = useDefineAttribute(props.orgId);
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('STRING');
  const [mandatory, setMandatory] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors([{ code: 'BAD_USER_INPUT', field: 'name', message: 'Give the attribute a name, e.g. Cost centre.' }]);
    // The same name again would quietly change the existing attribute's mandatory setting: say so instead.
    const existing = props.definedNames.find((n) => attributeKey(n) === attributeKey(name));
    if (existing) {
      return setErrors([{ code: 'CONFLICT', field: 'name', message: `${existing} is already defined; change whether it is mandatory in the list above.` }]);
    }
    setErrors([]);
    try {
      const { data } = await define({ name: name.trim(), type, mandatory });
      notifications.show({
        closeButtonProps: { 'aria-label': 'Dismiss' },
        color: 'green',
        message: `${data?.defineUserAttribute.definition.name ?? name.trim()} was added.`,
      });
      setName('');
      setType('STRING');
      setMandatory(false);
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const { byField, general } = splitByField(errors, ['name', 'type', 'mandatory']);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="define-attribute-heading">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="define-attribute-heading">
            Define an attribute
          </Title>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="Attribute name"
              placeholder="Cost centre"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={byField['name']}
              required
              style={{ flex: '1 1 14rem' }}
            />
            <NativeSelect
              label="Type"
              description="Cannot change once defined"
              data={ATTRIBUTE_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
              value={type}
              onChange={(e) => setType(e.currentTarget.value as AttributeType)}
              error={byField['type']}
              style={{ flex: '0 1 12rem' }}
            />
          </Group>
          <Checkbox
            label="Mandatory"
            description="Everyone added from now on needs a value."
            checked={mandatory}
            onChange={(e) => setMandatory(e.currentTarget.checked)}
            error={byField['mandatory']}
          />
          <ErrorAlert errors={general} />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            Define attribute
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

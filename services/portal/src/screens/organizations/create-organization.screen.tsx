import { useMutation } from '@apollo/client/react';
import { Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ViewerQuery } from '../../app/viewer';
import { ErrorAlert } from '../../components/error-alert';
import { Page } from '../../components/page';
import { graphql } from '../../gql';

const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      organization {
        id
        name
      }
    }
  }
`);

export function CreateOrganizationScreen() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [create, { loading }] = useMutation(CreateOrganizationMutation, { refetchQueries: [ViewerQuery], awaitRefetchQueries: true });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors([{ code: 'BAD_USER_INPUT', message: 'Give the organisation a name.', field: 'name' }]);
    setErrors([]);
    try {
      const { data } = await create({ variables: { input: { name: name.trim() } } });
      if (data) navigate(`/orgs/${data.createOrganization.organization.id}/groups`);
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const { byField, general } = splitByField(errors, ['name']);

  return (
    <Page title="Create an organisation" description="You become its first admin. Its groups, people and their data belong to it.">
      <form onSubmit={(e) => void onSubmit(e)} noValidate style={{ maxWidth: 480 }}>
        <Stack gap="md">
          <TextInput
            label="Organisation name"
            placeholder="Contoso"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={byField['name']}
            required
            autoFocus
          />
          <ErrorAlert errors={general} />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            Create organisation
          </Button>
        </Stack>
      </form>
    </Page>
  );
}

import { NativeSelect, TextInput } from '@mantine/core';
import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const AttributeFieldsFragment = graphql(`
  fragment AttributeFields on AttributeDefinition {
    name
    type
    mandatory
  }
`);

export type AttributeDefinitionData = ReturnType<typeof readDefinitions>[number];

export function readDefinitions(definitions: readonly FragmentType<typeof AttributeFieldsFragment>[]) {
  return definitions.map((d) => getFragmentData(AttributeFieldsFragment, d));
}

/** The form field name the server uses for an attribute's errors (extensions.field). */
export function attributeField(name: string): string {
  return `attributes.${name}`;
}

/** Attribute values as a form holds them: text per attribute name, '' for none. */
export type AttributeDraft = Record<string, string>;

/** The mandatory attributes left empty, as field errors in the words the server would use. */
export function missingMandatory(definitions: readonly AttributeDefinitionData[], draft: AttributeDraft): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const d of definitions) {
    if (d.mandatory && !(draft[d.name] ?? '').trim()) missing[attributeField(d.name)] = `${d.name} is mandatory in this organisation.`;
  }
  return missing;
}

/**
 * One input per attribute the organisation defines, of the attribute's type: text, a number, yes/no, a date. Values
 * stay text (as the API takes them), so the server's own checks and words apply.
 */
export function AttributeFields(props: {
  definitions: readonly AttributeDefinitionData[];
  draft: AttributeDraft;
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  return (
    <>
      {props.definitions.map((d) => {
        const value = props.draft[d.name] ?? '';
        const error = props.errors[attributeField(d.name)];
        const common = { label: d.name, required: d.mandatory, error, value };
        switch (d.type) {
          case 'BOOLEAN':
            return (
              <NativeSelect
                key={d.name}
                {...common}
                data={[
                  { value: '', label: d.mandatory ? 'Choose yes or no' : 'Not set' },
                  { value: 'true', label: 'Yes' },
                  { value: 'false', label: 'No' },
                ]}
                onChange={(e) => props.onChange(d.name, e.currentTarget.value)}
              />
            );
          case 'DATE':
            return <TextInput key={d.name} {...common} type="date" onChange={(e) => props.onChange(d.name, e.currentTarget.value)} />;
          case 'NUMBER':
            return (
              <TextInput
                key={d.name}
                {...common}
                inputMode="decimal"
                description="A number, e.g. 42 or 3.5"
                onChange={(e) => props.onChange(d.name, e.currentTarget.value)}
              />
            );
          default:
            return <TextInput key={d.name} {...common} onChange={(e) => props.onChange(d.name, e.currentTarget.value)} />;
        }
      })}
    </>
  );
}

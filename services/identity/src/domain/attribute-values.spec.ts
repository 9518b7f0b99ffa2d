import { DomainError } from '@kz/errors';
import { applyAttributeValues, attributeKey, type AttributeDefinition } from './attribute-values';

const defs: AttributeDefinition[] = [
  { key: 'employee id', name: 'Employee ID', type: 'STRING', mandatory: true },
  { key: 'grade', name: 'Grade', type: 'NUMBER', mandatory: false },
  { key: 'remote', name: 'Remote', type: 'BOOLEAN', mandatory: false },
  { key: 'start date', name: 'Start date', type: 'DATE', mandatory: false },
];

function failure(fn: () => unknown): { field?: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'BAD_USER_INPUT') return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('organisation attribute values', () => {
  it('parses each type and matches names case- and space-insensitively', () => {
    expect(
      applyAttributeValues(defs, {}, [
        { name: ' employee   ID', value: 'E-1' },
        { name: 'Grade', value: '7.5' },
        { name: 'remote', value: 'Yes' },
        { name: 'Start date', value: '2026-02-28' },
      ]),
    ).toEqual({ 'employee id': 'E-1', grade: 7.5, remote: true, 'start date': '2026-02-28' });
    expect(attributeKey('  Job   Title ')).toBe('job title');
  });

  it('names the field for unknown attributes, wrong types and missing mandatory ones', () => {
    expect(failure(() => applyAttributeValues(defs, {}, [{ name: 'Shoe size', value: '9' }])).field).toBe('attributes.Shoe size');
    expect(
      failure(() =>
        applyAttributeValues(defs, {}, [
          { name: 'Employee ID', value: 'E' },
          { name: 'Grade', value: 'high' },
        ]),
      ),
    ).toEqual({
      field: 'attributes.Grade',
      message: 'Grade must be a number, e.g. 42 or 3.5; got "high".',
    });
    expect(
      failure(() =>
        applyAttributeValues(defs, {}, [
          { name: 'Employee ID', value: 'E' },
          { name: 'Start date', value: '2026-02-30' },
        ]),
      ).field,
    ).toBe('attributes.Start date');
    expect(failure(() => applyAttributeValues(defs, {}, [{ name: 'Grade', value: '1' }]))).toEqual({
      field: 'attributes.Employee ID',
      message: 'Employee ID is mandatory in this organisation.',
    });
  });

  it('keeps current values and clears one given null', () => {
    expect(applyAttributeValues(defs, { 'employee id': 'E-1', grade: 3 }, [{ name: 'grade', value: null }])).toEqual({ 'employee id': 'E-1' });
  });
});

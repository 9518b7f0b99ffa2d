import { actionLabel, changeSummary } from './audit-actions';

describe('audit log wording', () => {
  it('names known actions and shows unknown ones as recorded', () => {
    expect(actionLabel('group.members-added')).toBe('Added members to a group');
    expect(actionLabel('retention.policy-set')).toBe('retention.policy-set');
  });

  it('summarises a change field by field', () => {
    expect(changeSummary('{"name":"Ledger Ltd"}', '{"name":"Ledger Limited"}')).toEqual(['name: Ledger Ltd → Ledger Limited']);
    expect(changeSummary(null, '{"permissions":["MESSAGES","GROUP_INFO"],"name":"HR"}')).toEqual(['permissions: MESSAGES, GROUP_INFO', 'name: HR']);
    expect(changeSummary('{"url":"https://x.example/hook"}', null)).toEqual(['url: was https://x.example/hook']);
    expect(changeSummary('{"groupIds":[]}', '{"groupIds":["g1"]}')).toEqual(['groupIds: none → g1']);
    expect(changeSummary('not json', null)).toEqual([]);
  });
});

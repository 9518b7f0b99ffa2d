import { badInput } from '@kz/errors';

export interface GroupFields {
  name?: string | null;
  description?: string | null;
  avatarUrl?: string | null;
  welcomeMessage?: string | null;
}

/** Checks and tidies the editable text of a group; undefined means "leave as is". */
export function cleanGroupFields(input: GroupFields): {
  name?: string;
  description?: string | null;
  avatarUrl?: string | null;
  welcomeMessage?: string | null;
} {
  const out: { name?: string; description?: string | null; avatarUrl?: string | null; welcomeMessage?: string | null } = {};
  if (input.name !== undefined && input.name !== null) {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 120) throw badInput('name', 'A group name needs 1 to 120 characters.');
    out.name = name;
  }
  if (input.description !== undefined) {
    const description = input.description?.trim() || null;
    if (description && description.length > 2_000) throw badInput('description', 'A description can be at most 2,000 characters.');
    out.description = description;
  }
  if (input.welcomeMessage !== undefined) {
    const welcome = input.welcomeMessage?.trim() || null;
    if (welcome && welcome.length > 1_000) throw badInput('welcomeMessage', 'A welcome message can be at most 1,000 characters.');
    out.welcomeMessage = welcome;
  }
  if (input.avatarUrl !== undefined) {
    const url = input.avatarUrl?.trim() || null;
    if (url !== null && !/^https?:\/\//i.test(url)) throw badInput('avatarUrl', 'The avatar must be an http(s) URL.');
    if (url !== null && url.length > 2_000) throw badInput('avatarUrl', 'The avatar URL can be at most 2,000 characters.');
    out.avatarUrl = url;
  }
  return out;
}

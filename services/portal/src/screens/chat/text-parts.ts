/** A message's text cut into plain and marked parts (mentions, search matches), for rendering. */

export interface TextPart {
  text: string;
  marked: boolean;
}

/** "@Name" for each name given, longest names first so "@Ana Lima" wins over "@Ana". */
export function splitMentions(text: string, names: readonly string[]): TextPart[] {
  const tokens = [...new Set(names.filter(Boolean))].sort((a, b) => b.length - a.length).map((n) => `@${n}`);
  if (tokens.length === 0) return [{ text, marked: false }];
  const pattern = new RegExp(`(${tokens.map(escapeRegExp).join('|')})`, 'g');
  return text
    .split(pattern)
    .filter((t) => t !== '')
    .map((t) => ({ text: t, marked: tokens.includes(t) }));
}

/** The search API's highlight: matches between [[ and ]]. */
export function splitHighlights(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /\[\[([\s\S]*?)\]\]/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), marked: false });
    parts.push({ text: match[1]!, marked: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

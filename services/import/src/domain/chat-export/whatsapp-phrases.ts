/**
 * The words WhatsApp writes into an exported chat, per language of the exporting phone. Everything the parser
 * recognises by its wording is here, so adding a language means adding one entry to LANGUAGES and a fixture.
 *
 * Patterns are regular-expression sources matched against the whole text with invisible characters removed and
 * no-break spaces made plain. `{A}` stands for the person concerned (the actor); a name never holds ":", which keeps
 * a message such as "Ann: I left" from reading as the notice "Ann left". `{Q}` stands for any quotation mark.
 */
export type SystemKind =
  'CREATED' | 'ADDED' | 'LEFT' | 'REMOVED' | 'SUBJECT_CHANGED' | 'ICON_CHANGED' | 'SECURITY_CODE_CHANGED' | 'ENCRYPTION_NOTICE' | 'OTHER';

export interface LanguagePhrases {
  /** Tried in order: a narrower phrase comes before a broader one that would also match it. */
  system: [Exclude<SystemKind, 'OTHER'>, string][];
  /** The whole text of a message that was deleted. */
  deleted: string[];
  /** The words inside the <…> WhatsApp appends to an edited message. */
  edited: string[];
  /** The whole text of a message whose media was left out of the export. */
  mediaOmitted: string[];
  /** Android: "IMG-….jpg (file attached)". */
  fileAttached: string[];
  /** iOS: "<attached: 00000012-PHOTO-….jpg>". */
  attachedTag: string[];
}

const ENGLISH: LanguagePhrases = {
  system: [
    ['ENCRYPTION_NOTICE', 'Messages and calls are end-to-end encrypted\\b.*'],
    ['ENCRYPTION_NOTICE', 'Messages (?:to this|you send to this) (?:group|chat)(?: and calls)? are now (?:secured|protected) with end-to-end encryption\\b.*'],
    ['SECURITY_CODE_CHANGED', '(?:Your )?security code with {A} changed\\b.*'],
    ['SECURITY_CODE_CHANGED', "{A}['’]s? security code changed\\b.*"],
    ['CREATED', '{A} created (?:the )?group {Q}.*{Q}'],
    ['CREATED', '{A} created this group'],
    ['SUBJECT_CHANGED', '{A} changed the (?:subject|group name) (?:from {Q}.*{Q} )?to {Q}.*{Q}'],
    ['ICON_CHANGED', "{A} (?:changed|deleted|removed) (?:this group['’]s|the group) (?:icon|photo|picture)"],
    ['ADDED', "{A} joined using this group['’]s invite link"],
    ['ADDED', '{A} added .+'],
    ['REMOVED', '{A} removed .+'],
    ['LEFT', '{A} left'],
  ],
  deleted: ['This message was deleted', 'You deleted this message'],
  edited: ['This message was edited'],
  mediaOmitted: ['<Media omitted>', '(?:image|video|audio|sticker|GIF|document|Contact card) omitted', '.+ document omitted'],
  fileAttached: ['file attached'],
  attachedTag: ['attached'],
};

const GERMAN: LanguagePhrases = {
  system: [
    ['ENCRYPTION_NOTICE', 'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt\\b.*'],
    ['ENCRYPTION_NOTICE', 'Nachrichten (?:an diese|in dieser) Gruppe sind jetzt mit Ende-zu-Ende-Verschlüsselung geschützt\\b.*'],
    ['SECURITY_CODE_CHANGED', '(?:Deine|Ihre) Sicherheitsnummer für {A} hat sich geändert\\b.*'],
    ['SECURITY_CODE_CHANGED', 'Die Sicherheitsnummer von {A} hat sich geändert\\b.*'],
    ['CREATED', '{A} (?:hat|hast) (?:die )?Gruppe {Q}.*{Q} erstellt'],
    ['SUBJECT_CHANGED', '{A} (?:hat|hast) den (?:Betreff|Gruppennamen) (?:von {Q}.*{Q} )?(?:zu|in) {Q}.*{Q} geändert'],
    ['ICON_CHANGED', '{A} (?:hat|hast) das Gruppenbild (?:geändert|gelöscht|entfernt)'],
    ['LEFT', '{A} (?:hat|hast) die Gruppe verlassen'],
    ['ADDED', '{A} (?:ist|bist) (?:der Gruppe )?über (?:den )?Einladungslink (?:der Gruppe )?beigetreten'],
    ['ADDED', '{A} (?:hat|hast) .+ hinzugefügt'],
    ['REMOVED', '{A} (?:hat|hast) .+ entfernt'],
  ],
  deleted: ['Diese Nachricht wurde gelöscht', 'Du hast diese Nachricht gelöscht'],
  edited: ['Diese Nachricht wurde bearbeitet'],
  mediaOmitted: ['<Medien ausgeschlossen>', '(?:Bild|Video|Audio|Sticker|GIF|Dokument) weggelassen'],
  fileAttached: ['Datei angehängt'],
  attachedTag: ['Anhang'],
};

const SPANISH: LanguagePhrases = {
  system: [
    ['ENCRYPTION_NOTICE', 'Los mensajes y las llamadas están cifrados de extremo a extremo\\b.*'],
    ['CREATED', '{A} creó el grupo {Q}.*{Q}'],
    ['SUBJECT_CHANGED', '{A} cambió el (?:asunto|nombre del grupo) (?:de {Q}.*{Q} )?a {Q}.*{Q}'],
    ['ICON_CHANGED', '{A} cambió el [ií]cono del grupo'],
    ['ADDED', '{A} añadió a .+'],
    ['REMOVED', '{A} eliminó a .+'],
    ['LEFT', '{A} salió del grupo'],
  ],
  deleted: ['Se eliminó este mensaje', 'Eliminaste este mensaje'],
  edited: ['Se editó este mensaje'],
  mediaOmitted: ['<Multimedia omitido>', '(?:imagen|video|audio|sticker|GIF|documento) omitid[oa]'],
  fileAttached: ['archivo adjunto'],
  attachedTag: ['adjunto'],
};

export const LANGUAGES: readonly LanguagePhrases[] = [ENGLISH, GERMAN, SPANISH];

/** Marks and embeddings WhatsApp puts around names, numbers and its own notices; they are never part of what is matched. */
export const INVISIBLE_CHARS = '\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF';
/** Spaces as exported: newer phones put a (narrow) no-break space before AM/PM and after "~". */
export const SPACE_CHARS = ' \\t\\u00A0\\u2007\\u202F';

const ACTOR = '(?<actor>[^:]+?)';
const QUOTE = '["\'“”„‟«»‚‘’]';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (sources: string[]) => sources.join('|');
const all = (key: Exclude<keyof LanguagePhrases, 'system'>): string[] => LANGUAGES.flatMap((language) => language[key]);

const SYSTEM_PATTERNS = LANGUAGES.flatMap((language) =>
  language.system.map(([kind, source]) => ({
    kind,
    pattern: new RegExp(`^${source.replaceAll('{A}', ACTOR).replaceAll('{Q}', QUOTE)}$`, 'iu'),
  })),
);
const DELETED = new RegExp(`^(?:${anyOf(all('deleted').map(escapeRegExp))})\\.?$`, 'iu');
const MEDIA_OMITTED = new RegExp(`^(?:${anyOf(all('mediaOmitted'))})$`, 'iu');
const FILE_ATTACHED = new RegExp(`^(?<fileName>.+?) \\((?:${anyOf(all('fileAttached').map(escapeRegExp))})\\)$`, 'iu');
const ATTACHED_TAG = new RegExp(
  `[${SPACE_CHARS}${INVISIBLE_CHARS}]*<(?:${anyOf(all('attachedTag').map(escapeRegExp))}):[${SPACE_CHARS}]*(?<fileName>[^>]+)>[${INVISIBLE_CHARS}]*`,
  'iu',
);
const EDITED_SUFFIX = new RegExp(
  `[${SPACE_CHARS}${INVISIBLE_CHARS}]*<(?:${anyOf(all('edited').map(escapeRegExp))})\\.?>[${SPACE_CHARS}${INVISIBLE_CHARS}]*$`,
  'iu',
);

/** `text` as normalised by the parser (see normaliseForMatching). */
export function matchSystemPhrase(text: string): { kind: Exclude<SystemKind, 'OTHER'>; actor: string | null } | null {
  for (const { kind, pattern } of SYSTEM_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { kind, actor: match.groups?.actor ?? null };
  }
  return null;
}

/** WhatsApp's markers are short; a longer text is a person's, and is not matched against them. */
const MAX_MARKER_CHARS = 500;

export const isDeletedMarker = (text: string) => text.length <= MAX_MARKER_CHARS && DELETED.test(text);
export const isMediaOmittedMarker = (text: string) => text.length <= MAX_MARKER_CHARS && MEDIA_OMITTED.test(text);

/** Android's "<file name> (file attached)", the whole first line of the message. */
export function matchFileAttached(text: string): string | null {
  if (text.length > MAX_MARKER_CHARS || !text.endsWith(')')) return null;
  return FILE_ATTACHED.exec(text)?.groups?.fileName ?? null;
}

/** iOS's "<attached: file name>", anywhere in the first line (documents have their title before it). */
export function findAttachedTag(line: string): { fileName: string; index: number; length: number } | null {
  if (!line.includes('<')) return null;
  const match = ATTACHED_TAG.exec(line);
  const fileName = match?.groups?.fileName;
  if (!match || fileName === undefined) return null;
  return { fileName, index: match.index, length: match[0].length };
}

/** The text without a trailing "<This message was edited>", or null when it has none. */
export function stripEditedMarker(text: string): string | null {
  if (!text.includes('<')) return null;
  const match = EDITED_SUFFIX.exec(text);
  return match ? text.slice(0, match.index) : null;
}

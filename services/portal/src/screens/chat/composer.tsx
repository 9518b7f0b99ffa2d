import { Button, CloseButton, Group, Paper, Progress, Stack, Switch, Text, Textarea } from '@mantine/core';
import { memo, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from 'react';
import classes from './chat.module.css';
import { fileSize } from './attachment-list';
import { mentionQueryAt, useMentionSearch, type MentionCandidate } from './use-mention-search';
import { useAttachmentUploads } from './use-attachment-uploads';
import type { Draft } from './use-outbox';

/** The API's limit, counted as people count characters (code points). */
export const MAX_MESSAGE_LENGTH = 4_000;
/** From here on the composer shows how much room is left. */
const COUNT_FROM = 3_500;

export interface ComposerTarget {
  replyTo: Draft['replyTo'];
  editing: { id: string; text: string } | null;
}

/**
 * Writing a message: Enter sends, Shift+Enter starts a new line; @ suggests the group's members; files come by
 * the picker, by dropping them on the conversation or by pasting; the length limit shows as it nears. Memoised: its
 * box measures its own height as it renders, which no message arriving in the conversation should make it do.
 */
export const Composer = memo(function Composer(props: {
  groupId: string;
  target: ComposerTarget;
  canAnnounce: boolean;
  note: string | null;
  onSend: (draft: Draft) => void;
  onEdit: (messageId: string, text: string) => Promise<string | null>;
  onCancelTarget: () => void;
  onCreatePoll: () => void;
}) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [announcement, setAnnouncement] = useState(false);
  const [mentioned, setMentioned] = useState<MentionCandidate[]>([]);
  const [highlight, setHighlight] = useState(0);
  const [editError, setEditError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const uploads = useAttachmentUploads(props.groupId);

  // Choosing "Edit" puts the message's text in the box; finishing or cancelling empties it.
  const editing = props.target.editing;
  if ((editing?.id ?? null) !== editingId) {
    setEditingId(editing?.id ?? null);
    setText(editing?.text ?? '');
    setEditError(null);
  }

  const mention = mentionQueryAt(text, caret);
  const candidates = useMentionSearch(props.groupId, mention?.query ?? null);
  const suggesting = mention !== null && candidates.length > 0;
  const length = [...text].length;
  const tooLong = length > MAX_MESSAGE_LENGTH;
  const empty = text.trim().length === 0 && uploads.ready.length === 0;

  const choose = (candidate: MentionCandidate) => {
    if (!mention) return;
    const inserted = `@${candidate.displayName} `;
    const next = text.slice(0, mention.start) + inserted + text.slice(caret);
    const position = mention.start + inserted.length;
    setText(next);
    setCaret(position);
    setMentioned((list) => (list.some((m) => m.id === candidate.id) ? list : [...list, candidate]));
    requestAnimationFrame(() => input.current?.setSelectionRange(position, position));
  };

  const submit = async () => {
    if (empty || tooLong || uploads.uploading) return;
    if (editing) {
      const problem = await props.onEdit(editing.id, text);
      setEditError(problem);
      return;
    }
    const body = text.trim() ? text : '';
    props.onSend({
      text: body,
      replyTo: props.target.replyTo,
      mentionIds: mentioned.filter((m) => body.includes(`@${m.displayName}`)).map((m) => m.id),
      attachmentIds: uploads.ready.map((f) => f.id),
      attachmentNames: uploads.ready.map((f) => f.filename),
      announcement,
    });
    setText('');
    setMentioned([]);
    setAnnouncement(false);
    uploads.clear();
    props.onCancelTarget();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggesting) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setHighlight((h) => (h + (event.key === 'ArrowDown' ? 1 : candidates.length - 1)) % candidates.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        choose(candidates[Math.min(highlight, candidates.length - 1)]!);
        return;
      }
    }
    if (event.key === 'Escape' && (editing || props.target.replyTo)) {
      props.onCancelTarget();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (files.length > 0 && !editing) {
      event.preventDefault();
      uploads.add(files);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!editing) uploads.add([...event.dataTransfer.files]);
  };

  return (
    <div
      className={`${classes.composer} ${dragging ? classes.dropTarget : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Stack gap={6}>
        {props.note && (
          <Text size="xs" c="dimmed">
            {props.note}
          </Text>
        )}
        {(props.target.replyTo || editing) && (
          <Paper withBorder px="sm" py={4} radius="sm">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="xs" fw={700}>
                  {editing ? 'Editing your message' : `Replying to ${props.target.replyTo!.authorName}`}
                </Text>
                {!editing && (
                  <Text size="xs" lineClamp={1}>
                    {props.target.replyTo!.text}
                  </Text>
                )}
              </div>
              <CloseButton size="sm" aria-label={editing ? 'Cancel editing' : 'Cancel the reply'} onClick={props.onCancelTarget} />
            </Group>
          </Paper>
        )}
        {uploads.files.length > 0 && (
          <Stack gap={4} aria-label="Files to send" role="list">
            {uploads.files.map((f) => (
              <Group key={f.localId} gap="xs" wrap="nowrap" role="listitem">
                <Text size="xs" truncate style={{ flex: 1 }}>
                  {f.filename} ({fileSize(f.size)})
                </Text>
                {f.error ? (
                  <Text size="xs" c="red.9" role="alert">
                    {f.error}
                  </Text>
                ) : f.id ? (
                  <Text size="xs" c="dimmed">
                    Ready
                  </Text>
                ) : (
                  <Progress value={f.progress * 100} w={80} size="sm" aria-label={`Uploading ${f.filename}`} />
                )}
                <CloseButton size="xs" aria-label={`Remove ${f.filename}`} onClick={() => uploads.remove(f.localId)} />
              </Group>
            ))}
          </Stack>
        )}
        <div style={{ position: 'relative' }}>
          {suggesting && (
            <Paper withBorder shadow="md" radius="sm" style={{ position: 'absolute', bottom: '100%', left: 0, zIndex: 10, minWidth: 220 }}>
              <ul role="listbox" aria-label="People to mention" style={{ listStyle: 'none', margin: 0, padding: 4 }}>
                {candidates.map((c, i) => (
                  <li
                    key={c.id}
                    role="option"
                    aria-selected={i === highlight}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      choose(c);
                    }}
                    style={{ padding: '4px 8px', cursor: 'pointer', borderRadius: 4, background: i === highlight ? 'var(--mantine-color-blue-0)' : undefined }}
                  >
                    {c.displayName}
                  </li>
                ))}
              </ul>
            </Paper>
          )}
          <Textarea
            ref={input}
            aria-label="Message"
            placeholder={editing ? 'Edit your message' : 'Write a message'}
            autosize
            minRows={1}
            maxRows={8}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setCaret(e.currentTarget.selectionStart);
              setHighlight(0);
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            error={
              tooLong
                ? `Too long by ${(length - MAX_MESSAGE_LENGTH).toLocaleString('en-GB')} characters: a message can have at most 4,000.`
                : (editError ?? undefined)
            }
            aria-describedby="composer-count"
          />
        </div>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            {!editing && (
              <>
                <input
                  ref={picker}
                  type="file"
                  multiple
                  hidden
                  aria-label="Attach files"
                  onChange={(e) => {
                    uploads.add([...(e.currentTarget.files ?? [])]);
                    e.currentTarget.value = '';
                  }}
                />
                <Button variant="light" size="xs" onClick={() => picker.current?.click()}>
                  Attach files
                </Button>
                <Button variant="light" size="xs" onClick={props.onCreatePoll}>
                  Poll
                </Button>
                {props.canAnnounce && (
                  <Switch size="xs" label="Announcement" checked={announcement} onChange={(e) => setAnnouncement(e.currentTarget.checked)} />
                )}
              </>
            )}
          </Group>
          <Group gap="xs">
            <Text id="composer-count" size="xs" c={tooLong ? 'red.9' : 'dimmed'} aria-live="polite">
              {length >= COUNT_FROM ? `${(MAX_MESSAGE_LENGTH - length).toLocaleString('en-GB')} characters left` : ''}
            </Text>
            <Button size="xs" onClick={() => void submit()} disabled={empty || tooLong || uploads.uploading}>
              {editing ? 'Save' : 'Send'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </div>
  );
});

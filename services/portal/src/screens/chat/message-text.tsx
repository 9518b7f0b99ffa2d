import { Fragment } from 'react';
import classes from './chat.module.css';
import { splitHighlights, splitMentions } from './text-parts';

/**
 * A message's text with the people it mentions marked ("@Name" for each mentioned person's name), and search
 * matches marked when the server wrapped them in [[ and ]]. Line breaks are kept by the style.
 */
export function MessageText(props: { text: string; mentionNames?: readonly string[]; highlighted?: boolean }) {
  const parts = props.highlighted ? splitHighlights(props.text) : splitMentions(props.text, props.mentionNames ?? []);
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? (
          <mark key={i} className={props.highlighted ? classes.searchMatch : classes.mention}>
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

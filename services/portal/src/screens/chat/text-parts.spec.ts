import { splitHighlights, splitMentions } from './text-parts';

describe('splitMentions', () => {
  it('marks each mentioned name after an @, the longest name first', () => {
    expect(splitMentions('Hi @Ana Lima and @Ana, see @Bo', ['Ana', 'Ana Lima'])).toEqual([
      { text: 'Hi ', marked: false },
      { text: '@Ana Lima', marked: true },
      { text: ' and ', marked: false },
      { text: '@Ana', marked: true },
      { text: ', see @Bo', marked: false },
    ]);
  });

  it('treats names as text, not as patterns', () => {
    expect(splitMentions('ping @a.b (x)', ['a.b (x)'])).toEqual([
      { text: 'ping ', marked: false },
      { text: '@a.b (x)', marked: true },
    ]);
  });
});

describe('splitHighlights', () => {
  it('marks what the search wrapped in double brackets', () => {
    expect(splitHighlights('the [[rota]] for [[Monday]]!')).toEqual([
      { text: 'the ', marked: false },
      { text: 'rota', marked: true },
      { text: ' for ', marked: false },
      { text: 'Monday', marked: true },
      { text: '!', marked: false },
    ]);
  });
});

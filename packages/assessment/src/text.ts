/**
 * How free text is compared. A SHORT_TEXT answer matches an accepted one when both normalise to the
 * same string: surrounding white space dropped, inner runs of white space collapsed to one space,
 * Unicode NFC (so "é" typed as one code point or as "e" + combining accent is the same), and
 * case folded unless the question is case sensitive.
 */
export function normaliseAnswerText(text: string, caseSensitive: boolean): string {
  const collapsed = text.normalize('NFC').trim().replace(/\s+/gu, ' ');
  return caseSensitive ? collapsed : collapsed.toLocaleLowerCase('und');
}

/** Author-written text (prompts, labels): NFC and trimmed, inner spacing kept. */
export function cleanText(text: string): string {
  return text.normalize('NFC').trim();
}

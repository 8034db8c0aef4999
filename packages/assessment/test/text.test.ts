import { describe, expect, it } from 'vitest';
import { cleanText, normaliseAnswerText } from '../src/index.js';

describe('normaliseAnswerText', () => {
  it('trims and collapses every run of white space to one space', () => {
    expect(normaliseAnswerText('  New \t\n  York  ', true)).toBe('New York');
    expect(normaliseAnswerText('a\u00a0\u00a0b', true)).toBe('a b');
  });

  it('composes to NFC', () => {
    expect(normaliseAnswerText('Cafe\u0301', true)).toBe('Caf\u00e9');
  });

  it('folds case unless case sensitive', () => {
    expect(normaliseAnswerText('ÉCOLE', false)).toBe('école');
    expect(normaliseAnswerText('E\u0301COLE', false)).toBe('école');
    expect(normaliseAnswerText('NaCl', true)).toBe('NaCl');
  });

  it('makes a blank text empty', () => {
    expect(normaliseAnswerText(' \t\n', false)).toBe('');
  });
});

describe('cleanText', () => {
  it('composes to NFC and trims, keeping inner spacing and case', () => {
    expect(cleanText('  Cafe\u0301  au   Lait\n')).toBe('Caf\u00e9  au   Lait');
  });
});

import { describe, expect, it } from 'vitest';
import { isCommonPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../src/passwords.js';
import { normaliseEmail, registrationInput } from '../src/validation.js';

const valid = { email: 'ada@example.com', password: 'correct horse battery staple', displayName: 'Ada Lovelace' };

/** Parses `input`, expecting a failure, and returns its issues as `path: message`. */
function problems(input: unknown): string[] {
  const result = registrationInput.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });

  it('normalises Unicode to NFC', () => {
    // "e" + combining acute accent becomes the single character é.
    expect(normaliseEmail('Rene\u0301@example.com')).toBe('ren\u00e9@example.com');
  });
});

describe('isCommonPassword', () => {
  it('knows common passwords, case-insensitively', () => {
    expect(isCommonPassword('password123')).toBe(true);
    expect(isCommonPassword('qwertyuiop')).toBe(true);
    expect(isCommonPassword('QwertyUiop')).toBe(true);
  });

  it('does not flag an uncommon passphrase', () => {
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
  });
});

describe('registrationInput', () => {
  it('accepts a valid registration and normalises it', () => {
    expect(registrationInput.parse({ email: ' Ada@Example.com ', password: valid.password, displayName: '  Ada \t  Lovelace \n' })).toEqual({
      email: 'ada@example.com',
      password: valid.password,
      displayName: 'Ada Lovelace',
    });
  });

  it('keeps the password exactly as typed', () => {
    expect(registrationInput.parse({ ...valid, password: '  Spaced Out Pass  ' }).password).toBe('  Spaced Out Pass  ');
  });

  it('rejects a password shorter than the minimum, and accepts the minimum', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(problems({ ...valid, password: 'Zq8!vR2#k' })).toEqual(['password: A password needs at least 10 characters.']);
    expect(registrationInput.parse({ ...valid, password: 'Zq8!vR2#kL' }).password).toBe('Zq8!vR2#kL');
  });

  it('rejects a password longer than the maximum', () => {
    expect(problems({ ...valid, password: 'x'.repeat(MAX_PASSWORD_LENGTH + 1) })).toEqual([
      `password: A password has at most ${MAX_PASSWORD_LENGTH} characters.`,
    ]);
  });

  it('rejects common passwords, whatever their case', () => {
    for (const password of ['password123', 'qwertyuiop', 'QWERTYUIOP']) {
      expect(problems({ ...valid, password })).toEqual(['password: This password is among the most common ones; choose another.']);
    }
  });

  it('rejects an invalid email', () => {
    for (const email of ['not-an-email', 'ada@', '@example.com', 'ada example@example.com', '']) {
      expect(problems({ ...valid, email }), email).toEqual(['email: Enter a valid email address.']);
    }
  });

  it('rejects an empty or blank display name', () => {
    expect(problems({ ...valid, displayName: '' })).toEqual(['displayName: A display name cannot be empty.']);
    expect(problems({ ...valid, displayName: ' \t\n ' })).toEqual(['displayName: A display name cannot be empty.']);
  });

  it('limits the display name to 50 characters after collapsing spaces', () => {
    expect(registrationInput.parse({ ...valid, displayName: `${'a'.repeat(25)}     ${'b'.repeat(24)}` }).displayName).toHaveLength(50);
    expect(problems({ ...valid, displayName: 'a'.repeat(51) })).toEqual(['displayName: A display name has at most 50 characters.']);
  });

  it('reports every broken field at once', () => {
    expect(problems({ email: 'nope', password: 'Zq8!', displayName: '' }).map((p) => p.split(':')[0])).toEqual(['email', 'password', 'displayName']);
  });
});

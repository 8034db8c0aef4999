import { z } from 'zod';
import { isCommonPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.js';

/** Emails are compared case-insensitively: trimmed, Unicode-normalised, lower-cased. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

const email = z
  .string()
  .transform(normaliseEmail)
  .pipe(z.email({ message: 'Enter a valid email address.' }).max(254, 'An email address has at most 254 characters.'));

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `A password has at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((p) => !isCommonPassword(p), 'This password is among the most common ones; choose another.');

const displayName = z
  .string()
  .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'A display name cannot be empty.').max(50, 'A display name has at most 50 characters.'));

export const registrationInput = z.object({ email, password, displayName });
export type RegistrationInput = z.infer<typeof registrationInput>;

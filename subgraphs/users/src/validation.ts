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

/**
 * What a sign-in may carry: no shape checks beyond length (a wrong email and a wrong password get the
 * same answer), but nothing longer than any account's email or password can be, so an over-long
 * value is BAD_USER_INPUT before any database or argon2 work.
 */
export const loginInput = z.object({
  email: z.string().max(254, 'An email address has at most 254 characters.'),
  password: z.string().max(MAX_PASSWORD_LENGTH, `A password has at most ${MAX_PASSWORD_LENGTH} characters.`),
});

export const passwordChangeInput = z.object({ currentPassword: z.string(), newPassword: password });

/** Omitted: unchanged. `null`: cleared (bio, avatarUrl); a display name cannot be cleared. */
export const profileInput = z.object({
  displayName: displayName.optional(),
  bio: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(280, 'A bio has at most 280 characters.'))
    .transform((s) => (s === '' ? null : s))
    .nullish(),
  avatarUrl: z
    .url({ protocol: /^https$/, message: 'An avatar URL must be an https URL.' })
    .max(2048, 'An avatar URL has at most 2048 characters.')
    .nullish(),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
/** A random password a person can type: 16 characters, no look-alikes, always with letters and digits (the password policy). */
export function randomPassword(length = 16): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    const bytes = randomBytes(length);
    const password = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
    if (/[a-zA-Z]/.test(password) && /\d/.test(password)) return password;
  }
}

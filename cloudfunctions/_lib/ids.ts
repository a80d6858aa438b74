/** Identifiers: time-ordered ids for records, and short human codes for invites. */
import { createHash, randomBytes, randomInt } from 'crypto';

let lastMs = 0;
let counter = 0;

/** A 20-character id that sorts by creation time (real time, not the injected clock) within a process. */
export function newId(prefix = ''): string {
  const ms = Date.now();
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  return prefix + ms.toString(36).padStart(9, '0') + counter.toString(36).padStart(3, '0') + randomBytes(6).toString('base64url').slice(0, 8).toLowerCase();
}

/** Unambiguous letters and digits (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `ABCD-2345`: easy to read aloud and type on a phone. */
export function newInviteCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export function newSecretToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

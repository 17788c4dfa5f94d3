// Passwords are stored only as argon2id hashes (OWASP parameters: m=19 MiB, t=2, p=1).
import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../errors';

// algorithm 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most this many argon2id computations at a time (one core left for everything else). Each takes
 * ≈ 20 ms of CPU and 19 MiB; unbounded, a burst of logins (a deadline, or an attack) fills every thread
 * of libuv's pool, and every other request — and the database on the same machine — waits behind them.
 * Logins queue instead. THIDUA_HASH_CONCURRENCY overrides it.
 */
const HASH_SLOTS = Math.max(1, Number(process.env.THIDUA_HASH_CONCURRENCY) || (os.availableParallelism?.() ?? os.cpus().length) - 1);
let hashing = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(f: () => Promise<T>): Promise<T> {
  if (hashing >= HASH_SLOTS) await new Promise<void>((r) => waiting.push(r));
  else hashing++;
  try {
    return await f();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next waiter
    else hashing--;
  }
}

export const hashPassword = (password: string): Promise<string> => withHashSlot(() => hash(password, OPTIONS));

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await withHashSlot(() => verify(stored, password));
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the user does not exist, so timing does not reveal names. */
let dummyHash: Promise<string> | null = null;
export const getDummyHash = (): Promise<string> => (dummyHash ??= hashPassword('thidua-dummy-password-for-timing'));

export function assertPasswordPolicy(password: string, username?: string): void {
  if (password.length < 10) throw invalid('Mật khẩu phải có ít nhất 10 ký tự', [{ field: 'password', message: 'Ít nhất 10 ký tự' }]);
  if (password.length > 200) throw invalid('Mật khẩu quá dài', [{ field: 'password', message: 'Tối đa 200 ký tự' }]);
  if (!/[a-zA-Z]/.test(password) || !/\d/.test(password)) {
    throw invalid('Mật khẩu phải có cả chữ và số', [{ field: 'password', message: 'Cần cả chữ và số' }]);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    throw invalid('Mật khẩu không được chứa tên đăng nhập', [{ field: 'password', message: 'Không chứa tên đăng nhập' }]);
  }
}

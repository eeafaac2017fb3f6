import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id (a const enum, not importable under isolatedModules). */
const ARGON2ID = 2;

// OWASP's argon2id minimum (m=19 MiB, t=2). Tests may lower the cost via ARGON2_FAST=1.
const fast = process.env.ARGON2_FAST === '1';
const OPTIONS = { algorithm: ARGON2ID, memoryCost: fast ? 1024 : 19456, timeCost: fast ? 1 : 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Spend the same time on an unknown username as on a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword('dummy-password-For-timing-1');
  await verifyPassword(await dummy, password);
}

/**
 * The one way the tests and the bench make a scratch PostgreSQL database: a fresh (or
 * template-copied) database next to the one `adminUrl` names, its URL, and a drop that ends every
 * session still connected to it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** `url` pointing at database `name` on the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function asAdmin<T>(adminUrl: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

/** Drops database `name` (sessions still connected are ended); missing is fine. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await asAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
}

/**
 * Creates `<prefix>_<random>` (or exactly `opts.name`, dropped first if it exists), copied from
 * `opts.template` when given.
 */
export async function createScratchDatabase(adminUrl: string, prefix: string, opts: { name?: string; template?: string } = {}): Promise<ScratchDatabase> {
  const name = opts.name ?? `${prefix}_${randomBytes(4).toString('hex')}`;
  await asAdmin(adminUrl, async (c) => {
    if (opts.name) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(opts.template ? `CREATE DATABASE ${name} TEMPLATE ${opts.template}` : `CREATE DATABASE ${name}`);
  });
  return { name, url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

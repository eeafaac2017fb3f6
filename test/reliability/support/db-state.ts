/** Database state helpers for the reliability suites: table lists, row counts, row digests. */
import { createHash } from 'node:crypto';
import type { Database } from '../../../src/server/db/client';

/** Every base table of the application schema. */
export async function tablesOf(database: Database): Promise<string[]> {
  const { rows } = await database.executeSql(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => String(r.table_name));
}

/** Row count of each table, in one statement. */
export async function rowCounts(database: Database, tables: string[]): Promise<Record<string, number>> {
  if (!tables.length) return {};
  const sql = `SELECT ${tables.map((t, i) => `(SELECT count(*) FROM "${t}") AS c${i}`).join(', ')}`;
  const { rows } = await database.executeSql(sql);
  const out: Record<string, number> = {};
  tables.forEach((t, i) => (out[t] = Number(rows[0][`c${i}`])));
  return out;
}

/** A digest of a table's full content, independent of physical row order. */
export async function tableDigest(database: Database, table: string): Promise<{ rows: number; sha256: string }> {
  const { rows } = await database.executeSql(`SELECT row_to_json(t)::text AS j FROM "${table}" t`);
  const lines = rows.map((r) => String(r.j)).sort();
  return { rows: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

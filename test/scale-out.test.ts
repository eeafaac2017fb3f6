/**
 * Stateless app processes (issue 3): two instances on one PostgreSQL share sessions, because
 * sessions live in the database. Runs in the PostgreSQL suite (TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { openDatabase, type Database } from '../src/server/db/client';
import { Agent, createTestApp, type TestApp } from './support/test-app';

describe.skipIf(!process.env.TEST_DATABASE_URL)('two app instances on one PostgreSQL', () => {
  let one: TestApp;
  let secondDb: Database;
  let second: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    one = await createTestApp();
    secondDb = await openDatabase({ databaseUrl: one.services.database.connectionString, migrate: false, poolSize: 2 });
    second = await buildApp({ config: { allowedOrigins: [], cookieSecure: false, logLevel: 'warn' }, services: { ...one.services, database: secondDb }, serveWeb: false });
  });
  afterAll(async () => {
    await second.close();
    await secondDb.close();
    await one.close();
  });

  it('a session made on one instance works on the other, and logout on the other ends it', async () => {
    const a = await one.login('demo_commission');
    const b = new Agent(second);
    b.cookies = { ...a.cookies };
    const me = await b.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('demo_commission');
    expect((await b.post('/api/auth/logout-all')).status).toBe(200);
    expect((await a.get('/api/auth/me')).status).toBe(401);
  });
});

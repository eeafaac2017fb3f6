/**
 * Request-level harness on an EMPTY database (migrated, nothing seeded): what a real installation
 * with SEED_DEMO=false starts from. Same agents and clock as createTestApp().
 */
import { rmSync } from 'node:fs';
import { openDatabase } from '../../src/server/db/client';
import { Agent, startHarnessApp } from './test-app';

export async function createEmptyTestApp(opts: { now?: string } = {}) {
  const { app, services, clock, dir, database } = await startHarnessApp(await openDatabase({}), opts.now);
  return {
    app,
    services,
    clock,
    anonymous: () => new Agent(app),
    async login(username: string, password: string) {
      const agent = new Agent(app);
      const res = await agent.post('/api/auth/login', { username, password });
      return { agent, res };
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

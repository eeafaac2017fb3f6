import type { TestProject } from 'vitest/node';
import { startWebServer, type DemoAccount, type RunningServer } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    browserServer: { url: string; accounts: DemoAccount[] };
  }
}

let server: RunningServer | undefined;

/** One server for all browser test files (seeding the demo takes a while). */
export async function setup(project: TestProject) {
  server = await startWebServer();
  project.provide('browserServer', { url: server.url, accounts: server.accounts });
}

export async function teardown() {
  await server?.stop();
}

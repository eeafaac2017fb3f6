import type { Config } from './config';
import { systemClock, type Clock } from './clock';
import type { Services } from './context';
import { openDatabase } from './db/client';
import { LocalFileStore, type FileStore } from './files/file-store';
import { S3FileStore } from './files/s3-file-store';
import { PgBossQueue, type JobQueue } from './jobs/queue';

export function fileStoreFor(config: Config): FileStore {
  return config.fileStore.kind === 's3' ? new S3FileStore(config.fileStore) : new LocalFileStore(config.fileStore.root);
}

/** Opens the database (applying migrations) and wires the stores. */
export async function createServices(config: Config, overrides: { clock?: Clock; jobs?: JobQueue } = {}): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite` });
  return {
    database,
    clock: overrides.clock ?? systemClock,
    files: fileStoreFor(config),
    jobs: overrides.jobs ?? new PgBossQueue(database),
  };
}

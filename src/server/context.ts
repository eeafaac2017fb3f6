/** What every command receives: who acts, from where, on which clock and stores. */
import type { Clock } from './clock';
import type { Database } from './db/client';
import type { FileStore } from './files/file-store';
import type { JobQueue } from './jobs/queue';

export type Role = 'applicant' | 'recommender' | 'commission' | 'expert' | 'training_provider';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  isAdmin: boolean;
  organisationId: string;
  organisationKind: string;
  organisationSubtype: string | null;
  organisationName: string;
  sessionId?: string;
}

export interface Services {
  database: Database;
  clock: Clock;
  files: FileStore;
  jobs: JobQueue;
}

export interface RequestMeta {
  ip?: string;
  requestId?: string;
}

export interface CommandContext extends Services, RequestMeta {
  actor: Actor | null;
}

/** A command's context once the actor is known (every authenticated command). */
export type ActorContext = CommandContext & { actor: Actor };

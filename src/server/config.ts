import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Public origin(s) accepted by the CSRF Origin check besides the request's own host. */
  allowedOrigins: string[];
  cookieSecure: boolean;
  fileStore: { kind: 'local'; root: string } | { kind: 's3'; bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };
  smtpUrl?: string;
  /** Start the job workers in this process. */
  runWorkers: boolean;
  logLevel: string;
  seedDemo: boolean;
  /** Logins per minute per client address (one bureau behind one NAT address shares it). */
  loginRateLimitPerMinute: number;
  /** First install without the demo: the first administrator's user name and initial password (src/server/seed/bootstrap.ts). */
  adminUsername?: string;
  adminInitialPassword?: string;
}

/** Default login allowance per address and minute; account lockout guards each account on its own. */
export const LOGIN_RATE_LIMIT_PER_MINUTE = 20;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    cookieSecure: env.COOKIE_SECURE === 'true',
    fileStore:
      env.FILE_STORE === 's3'
        ? {
            kind: 's3',
            bucket: env.S3_BUCKET ?? 'gongguan',
            endpoint: env.S3_ENDPOINT,
            region: env.S3_REGION ?? 'us-east-1',
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false',
          }
        : { kind: 'local', root: path.join(dataDir, 'files') },
    smtpUrl: env.SMTP_URL || undefined,
    runWorkers: env.RUN_WORKERS !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.SEED_DEMO !== 'false',
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE) > 0 ? Number(env.LOGIN_RATE_LIMIT_PER_MINUTE) : LOGIN_RATE_LIMIT_PER_MINUTE,
    adminUsername: env.ADMIN_USERNAME || undefined,
    adminInitialPassword: env.ADMIN_INITIAL_PASSWORD || undefined,
  };
}

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
  publicRateLimitPerMinute: number;
  /**
   * Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses or CIDRs, from
   * TRUST_PROXY, comma-separated). Empty (the default): forwarded headers are ignored and the client
   * address is the TCP peer, so nobody can choose the address rate limits and the audit log see.
   */
  trustProxy: string[];
  /** First install without the demo: the first administrator's user name and initial password (src/server/seed/bootstrap.ts). */
  adminUsername?: string;
  adminInitialPassword?: string;
}

/** Default login allowance per address and minute; account lockout guards each account on its own. */
export const LOGIN_RATE_LIMIT_PER_MINUTE = 20;
/** Public (portal) publication answers per client address and minute. */
export const PUBLIC_RATE_LIMIT_PER_MINUTE = 300;

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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT_PER_MINUTE) > 0 ? Number(env.LOGIN_RATE_LIMIT_PER_MINUTE) : LOGIN_RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerMinute: Number(env.PUBLIC_RATE_LIMIT_PER_MINUTE) > 0 ? Number(env.PUBLIC_RATE_LIMIT_PER_MINUTE) : PUBLIC_RATE_LIMIT_PER_MINUTE,
    adminUsername: env.ADMIN_USERNAME || undefined,
    adminInitialPassword: env.ADMIN_INITIAL_PASSWORD || undefined,
  };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * TRUST_PROXY: comma-separated proxy addresses or CIDRs (`10.0.0.5`, `10.0.0.0/8`, `::1`,
 * `fd00::/8`). Anything else (including `true` or `*`, which would let every client choose its
 * address) stops the start with a message, rather than silently trusting or ignoring it.
 */
export function parseTrustProxy(raw: string | undefined): string[] {
  const items = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    const [addr, bits, extra] = item.split('/');
    const v4 = IPV4.test(addr);
    const v6 = !v4 && /^[0-9a-f:.]+$/i.test(addr) && addr.includes(':');
    const maxBits = v4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if ((!v4 && !v6) || !bitsOk || extra !== undefined) {
      throw new Error(`TRUST_PROXY: "${item}" is not an IP address or CIDR (list the reverse proxies' addresses, e.g. TRUST_PROXY=10.0.0.5,10.0.1.0/24)`);
    }
  }
  return items;
}

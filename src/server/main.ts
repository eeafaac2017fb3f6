/**
 * `npm start`: opens the database (PGlite under DATA_DIR, or PostgreSQL via DATABASE_URL), applies
 * migrations, seeds the 2026 campaign and the demo on first start, then serves API and web.
 */
import { buildApp } from './app';
import { CHECKPOINT_MINUTES, checkpointDirFrom, startAuditCheckpoints } from './audit/checkpoints';
import { loadConfig } from './config';
import { registerWorkers } from './jobs/workers';
import { seedDemoData, type DemoSeedResult } from './seed';
import { bootstrapInstallation, bootstrapLines } from './seed/bootstrap';
import { createServices } from './services';
import { ROLE_LABELS, type RoleCode } from '../shared/auth';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const services = await createServices(config);
  let demo: DemoSeedResult | null = null;
  // Under the start-up lock: a second instance starting at the same moment waits, then finds the seed done.
  if (config.seedDemo) demo = await services.database.withStartupLock(() => seedDemoData(services.database.db, { dataDir: config.dataDir, now: services.clock.now() }));
  const installed = config.seedDemo
    ? undefined
    : await services.database.withStartupLock(() => bootstrapInstallation(services.database.db, { now: services.clock.now(), adminUsername: config.adminUsername, adminPassword: config.adminInitialPassword }));
  const app = await buildApp({ config, services, logger: true });
  await app.listen({ port: config.port, host: config.host });
  if (config.runWorkers) {
    // Workers start after the server listens so start-up stays fast; jobs wait in the database meanwhile.
    registerWorkers(services, { log: app.log }).catch((err) => app.log.error({ err }, 'job workers failed to start'));
  }
  // The audit chain's head, anchored outside the database rows (see audit/checkpoints.ts).
  const checkpoints = startAuditCheckpoints(services.database.db, {
    dir: checkpointDirFrom(process.env, config.dataDir),
    minutes: Number(process.env.AUDIT_CHECKPOINT_MINUTES) > 0 ? Number(process.env.AUDIT_CHECKPOINT_MINUTES) : CHECKPOINT_MINUTES,
    now: () => services.clock.now(),
    log: app.log,
  });
  const url = `http://127.0.0.1:${config.port}`;
  const lines = [
    '',
    `攻关 · 天津市质量攻关管理平台已启动：${url}  （数据库：${services.database.kind === 'pglite' ? `PGlite ${config.dataDir}/pglite` : 'PostgreSQL'}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    `接口文档：${url}/api/docs`,
  ];
  if (demo) lines.push(...demoBanner(demo, `${config.dataDir}/demo-accounts.json`));
  if (installed) lines.push(...bootstrapLines(installed));
  console.log(lines.join('\n'));
  if (demo) app.log.warn('demo data is on (SEED_DEMO=true): demo organisations and accounts with a shared password; set SEED_DEMO=false in production');

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await checkpoints.stop();
    await services.jobs.stop();
    await services.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Loud when demo data is on. The password is shown once: on the start that created the accounts.
 * Later starts point at demo-accounts.json; a database from elsewhere (restore, second instance)
 * gets no password at all rather than one that does not work.
 */
function demoBanner(demo: DemoSeedResult, file: string): string[] {
  const rule = '!'.repeat(78);
  const lines = [rule, '!! 演示数据已启用（SEED_DEMO=true）：含演示单位和演示账户，所有演示账户共用一个密码，仅供演示和培训。', '!! 正式上线请使用新的数据库并设置 SEED_DEMO=false。', rule];
  if (demo.created) {
    lines.push(`演示账户（密码只在本次首次启动时显示，另存于 ${file}，仅本机管理员可读）：`);
    for (const a of demo.accounts) lines.push(`  ${ROLE_LABELS[a.role as RoleCode].padEnd(8, '　')} 用户名 ${a.username.padEnd(18)} 密码 ${a.password}   ${a.organisation}`);
  } else if (demo.passwordKnown) {
    lines.push(`演示账户：${demo.accounts.map((a) => a.username).join('、')}；密码见 ${file}`);
  } else {
    lines.push(`演示账户：${demo.accounts.map((a) => a.username).join('、')}；这些账户来自其他安装（例如备份恢复），密码不在本机 —— 请使用原安装的 demo-accounts.json，或由系统管理员重置密码`);
  }
  return lines;
}

main().catch((err) => {
  console.error('启动失败：', err);
  process.exit(1);
});

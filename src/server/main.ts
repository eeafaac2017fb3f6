/**
 * `npm start`: opens the database (PGlite under DATA_DIR, or PostgreSQL via DATABASE_URL), applies
 * migrations, seeds the 2026 campaign and the demo on first start, then serves API and web.
 */
import { buildApp } from './app';
import { loadConfig } from './config';
import { registerWorkers } from './jobs/workers';
import { seedDemo } from './seed';
import { bootstrapInstallation, bootstrapLines } from './seed/bootstrap';
import { createServices } from './services';
import { ROLE_LABELS, type RoleCode } from '../shared/auth';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const services = await createServices(config);
  let accounts: Awaited<ReturnType<typeof seedDemo>> = [];
  if (config.seedDemo) accounts = await seedDemo(services.database.db, { dataDir: config.dataDir, now: services.clock.now() });
  const installed = config.seedDemo ? undefined : await bootstrapInstallation(services.database.db, { now: services.clock.now(), adminUsername: config.adminUsername, adminPassword: config.adminInitialPassword });
  const app = await buildApp({ config, services, logger: true });
  await app.listen({ port: config.port, host: config.host });
  if (config.runWorkers) {
    // Workers start after the server listens so start-up stays fast; jobs wait in the database meanwhile.
    registerWorkers(services, { log: app.log }).catch((err) => app.log.error({ err }, 'job workers failed to start'));
  }
  const url = `http://127.0.0.1:${config.port}`;
  const lines = [
    '',
    `攻关 · 天津市质量攻关管理平台已启动：${url}  （数据库：${services.database.kind === 'pglite' ? `PGlite ${config.dataDir}/pglite` : 'PostgreSQL'}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    `接口文档：${url}/api/docs`,
  ];
  if (accounts.length) {
    lines.push('演示账户（仅供演示，已写入 demo-accounts.json）：');
    for (const a of accounts) lines.push(`  ${ROLE_LABELS[a.role as RoleCode].padEnd(8, '　')} 用户名 ${a.username.padEnd(18)} 密码 ${a.password}   ${a.organisation}`);
  }
  if (installed) lines.push(...bootstrapLines(installed));
  console.log(lines.join('\n'));

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await services.jobs.stop();
    await services.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('启动失败：', err);
  process.exit(1);
});

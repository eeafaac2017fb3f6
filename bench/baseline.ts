/**
 * The baseline of figure 1: the same read/write mix as bare SQL from the bench process, through
 * the app's db client (no HTTP, no validation, no JSON serialisation, no duplicate index). The
 * statements mirror what the commands issue (as of src/server/applications/*, auth/sessions.ts):
 * session lookup on every request; list = the listed columns + count; page = project + orgs +
 * versions + the duplicate index's view check (at most every 2 s); save = row lock + guarded
 * UPDATE + campaign read; submit = the index's exact check (fingerprint + scan) + row lock +
 * counter upsert + guarded UPDATE + version row + audit entry + notification.
 * Runs on draft applications the surge did not touch, after its verification.
 */
import { and, count, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { writeAudit } from '../src/server/audit/write-audit';
import { createSession, loadSession } from '../src/server/auth/sessions';
import { systemClock } from '../src/server/clock';
import type { Database } from '../src/server/db/client';
import { campaigns, counters, notifications, organisations, projects, projectVersions, users } from '../src/server/db/schema';
import type { SeededApp } from './seed';

export async function runBaseline(
  database: Database,
  opts: { campaignId: string; apps: SeededApp[]; recommenderUsernames: string[]; concurrency: number; durationS: number },
): Promise<{ ops: number; throughput: number; p50: number; p99: number; errors: number }> {
  const { db } = database;
  const clock = systemClock;
  const recUsers = await db.select().from(users).where(inArray(users.username, opts.recommenderUsernames));
  type Worker = { token: string; role: 'applicant' | 'recommender'; orgId: string; app?: SeededApp & { current: number; submitted: boolean } };
  const workers: Worker[] = [];
  const nRec = Math.max(1, Math.round(opts.concurrency * 0.1));
  for (let i = 0; i < opts.concurrency; i++) {
    if (i < nRec && recUsers.length) {
      const u = recUsers[i % recUsers.length];
      const s = await createSession(db, clock, u.id, { ip: '127.0.0.1' });
      workers.push({ token: s.token, role: 'recommender', orgId: u.organisationId });
    } else {
      const app = opts.apps[i];
      if (!app) break;
      const [u] = await db.select().from(users).where(eq(users.username, app.username));
      const s = await createSession(db, clock, u.id, { ip: '127.0.0.1' });
      workers.push({ token: s.token, role: 'applicant', orgId: u.organisationId, app: { ...app, current: app.version, submitted: false } });
    }
  }
  const recShare = nRec / workers.length;
  const pSubmit = 0.05 / (1 - recShare);
  const pSave = 0.25 / (1 - recShare);
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, opts.campaignId));
  const lat: number[] = [];
  let errors = 0;
  const end = performance.now() + opts.durationS * 1000;

  // The duplicate index's freshness checks (src/server/applications/duplicate-index.ts): a page
  // view checks at most every 2 s (shared); a submit always reads the fingerprint of the compared
  // applications and, since other submits changed it meanwhile, scans (id, version, state).
  let lastViewCheck = -Infinity;
  const fingerprint = () =>
    db
      .select({ n: count(), h: sql<string>`coalesce(sum(hashtext(${projects.id}::text || ':' || ${projects.version} || ':' || ${projects.state})), 0)::text` })
      .from(projects)
      .where(and(eq(projects.campaignId, campaign.id), isNull(projects.deletedAt), notInArray(projects.state, ['draft', 'withdrawn'])));
  const scan = () => db.select({ id: projects.id, version: projects.version, state: projects.state, deletedAt: projects.deletedAt }).from(projects).where(eq(projects.campaignId, campaign.id));
  const viewCheck = async () => {
    if (performance.now() - lastViewCheck < 2_000) return;
    lastViewCheck = performance.now();
    await fingerprint();
  };

  const op = async (w: Worker) => {
    const session = await loadSession(db, clock, w.token);
    if (session.status !== 'ok') throw new Error('session lost');
    const actor = session.actor;
    if (w.role === 'recommender') {
      const page = Math.floor(Math.random() * 5);
      const where = and(eq(projects.recommenderOrgId, w.orgId), notInArray(projects.state, ['draft', 'withdrawn']), isNull(projects.deletedAt));
      await db
        .select({ id: projects.id, name: projects.name, state: projects.state, applicationNo: projects.applicationNo, submittedAt: projects.submittedAt, applicant: organisations.name, version: projects.version })
        .from(projects)
        .innerJoin(organisations, eq(organisations.id, projects.applicantOrgId))
        .where(where)
        .orderBy(desc(projects.submittedAt))
        .limit(20)
        .offset(page * 20);
      await db.select({ n: count() }).from(projects).where(where);
      return;
    }
    const app = w.app!;
    const r = Math.random();
    if (!app.submitted && r < pSubmit) {
      await fingerprint();
      await scan();
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(projects).where(and(eq(projects.id, app.id), isNull(projects.deletedAt))).for('update');
        const [c] = await tx
          .insert(counters)
          .values({ scope: `bench-${campaign.id}`, name: 'application_no', value: 1 })
          .onConflictDoUpdate({ target: [counters.scope, counters.name], set: { value: sql`${counters.value} + 1` } })
          .returning({ value: counters.value });
        const [saved] = await tx
          .update(projects)
          .set({ state: 'submitted', version: row.version + 1, submittedVersion: 1, applicationNo: `BASE-${c.value}`, submittedAt: new Date(), stateChangedAt: new Date(), updatedAt: new Date() })
          .where(and(eq(projects.id, row.id), eq(projects.version, row.version)))
          .returning();
        await tx.insert(projectVersions).values({ projectId: row.id, versionNo: 1, form: row.form, submittedBy: actor.userId, submittedAt: new Date() });
        await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, row.recommenderOrgId!));
        await writeAudit(tx, { actor, clock }, { entity: 'project', entityId: row.id, action: 'submit', summary: { applicationNo: saved.applicationNo, baseline: true } });
        await tx.insert(notifications).values({ organisationId: row.recommenderOrgId!, title: '收到新的质量攻关项目申报', body: `${actor.organisationName}提交了《${saved.name}》`, link: `/applications/${row.id}` });
      });
      app.submitted = true;
    } else if (!app.submitted && r < pSubmit + pSave) {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(projects).where(and(eq(projects.id, app.id), isNull(projects.deletedAt))).for('update');
        const form = { ...app.form, content: { ...app.form.content, background: `${app.form.content?.background ?? ''}【基线保存】` } };
        await tx
          .update(projects)
          .set({ form, name: form.project?.name ?? '', version: row.version + 1, updatedAt: new Date() })
          .where(and(eq(projects.id, row.id), eq(projects.version, row.version)))
          .returning();
        await tx.select().from(campaigns).where(eq(campaigns.id, row.campaignId));
      });
    } else if (Math.random() < 0.5) {
      const where = and(eq(projects.applicantOrgId, w.orgId), isNull(projects.deletedAt));
      await db
        .select({ id: projects.id, name: projects.name, applicationNo: projects.applicationNo, state: projects.state, version: projects.version, updatedAt: projects.updatedAt, rec: organisations.name })
        .from(projects)
        .leftJoin(organisations, eq(organisations.id, projects.recommenderOrgId))
        .where(where)
        .orderBy(desc(projects.updatedAt))
        .limit(20);
      await db.select({ n: count() }).from(projects).where(where);
    } else {
      const [row] = await db.select().from(projects).where(and(eq(projects.id, app.id), isNull(projects.deletedAt)));
      await db.select().from(organisations).where(eq(organisations.id, row.applicantOrgId));
      if (row.recommenderOrgId) await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, row.recommenderOrgId));
      await db.select().from(projectVersions).where(eq(projectVersions.projectId, row.id));
      await viewCheck();
    }
  };

  await Promise.all(
    workers.map(async (w) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await op(w);
        } catch {
          errors++;
        }
        lat.push(performance.now() - t);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return { ops: lat.length, throughput: lat.length / opts.durationS, p50: lat[Math.floor(lat.length * 0.5)] ?? NaN, p99: lat[Math.min(lat.length - 1, Math.floor(lat.length * 0.99))] ?? NaN, errors };
}

/**
 * 宣贯培训 routes. `/api/training/**` — training provider and commission (route guard); another
 * provider's session answers 404. `/api/applicant/training/**` — applicants, own approved projects
 * only. `/api/recommender/training/**` — recommenders read the sign-ups of their projects.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceInputSchema,
  attendanceResultSchema,
  eligibleProjectListSchema,
  mySignupListSchema,
  openSessionListSchema,
  rosterSchema,
  sessionCancelSchema,
  sessionInputSchema,
  sessionListQuerySchema,
  sessionListSchema,
  sessionSchema,
  sessionUpdateSchema,
  signupInputSchema,
  signupSchema,
} from '../../shared/training';
import { auditPersonalDataView } from '../audit/personal-data';
import { writeAudit } from '../audit/write-audit';
import type { Services } from '../context';
import { MIME } from '../files/sniff';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { eligibleProjects, mySignups, openSessions } from './applicant-queries';
import { cancelSession } from './cancel-session';
import { cancelSignup } from './cancel-signup';
import { createSession } from './create-session';
import { markAttendance } from './mark-attendance';
import { renderRosterXlsx, sessionRoster } from './roster';
import { findSessions } from './find-sessions';
import { sessionDtos, type TrainingContext } from './session-repository';
import { signUp } from './sign-up';
import { registerTrainingMaterialRoutes } from './materials-routes';
import { updateSession } from './update-session';
import { errors, sendDownload } from '../http/responses';

const idParams = z.object({ id: z.string().uuid() });
const TAG = ['宣贯培训'];

export function registerTrainingRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  const one = async (ctx: TrainingContext, row: Parameters<typeof sessionDtos>[1][number]) => (await sessionDtos(db, [row], ctx.clock.now()))[0];

  // ---- provider / commission ----

  r.get(
    '/api/training/sessions',
    { schema: { tags: TAG, summary: '培训场次列表（含报名人数、剩余名额）', querystring: sessionListQuerySchema, response: { 200: sessionListSchema, ...errors } } },
    async (req) => findSessions(authedContext(services, req), req.query),
  );

  r.post(
    '/api/training/sessions',
    { schema: { tags: TAG, summary: '新建培训场次（北京时间）', body: sessionInputSchema, response: { 200: sessionSchema, ...errors } } },
    async (req, reply) =>
      withIdempotency(services, req, reply, async () => {
        return createSession(authedContext(services, req), req.body);
      }),
  );

  r.put(
    '/api/training/sessions/:id',
    { schema: { tags: TAG, summary: '修改培训场次（版本号；容量不少于已报名人数）', params: idParams, body: sessionUpdateSchema, response: { 200: sessionSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      return one(ctx, await updateSession(ctx, req.params.id, req.body));
    },
  );

  r.post(
    '/api/training/sessions/:id/cancel',
    { schema: { tags: TAG, summary: '取消培训场次（原因；通知已报名单位）', params: idParams, body: sessionCancelSchema, response: { 200: sessionSchema, ...errors } } },
    async (req, reply) =>
      withIdempotency(services, req, reply, async () => {
        return cancelSession(authedContext(services, req), req.params.id, req.body);
      }),
  );

  r.get(
    '/api/training/sessions/:id/roster',
    { schema: { tags: TAG, summary: '报名名单（含出勤）', params: idParams, response: { 200: rosterSchema, ...errors } } },
    async (req) => {
      const ctx = authedContext(services, req);
      const roster = await sessionRoster(ctx, req.params.id);
      if (!roster.phoneMasked && roster.items.length) {
        await auditPersonalDataView(ctx, { entity: 'training_session', entityId: roster.session.id, view: '培训报名名单', fields: ['参训人员手机号码'], count: roster.items.length });
      }
      return roster;
    },
  );

  r.put(
    '/api/training/sessions/:id/attendance',
    { schema: { tags: TAG, summary: '登记出勤（批量，培训开始后）', params: idParams, body: attendanceInputSchema, response: { 200: attendanceResultSchema, ...errors } } },
    async (req) => markAttendance(authedContext(services, req), req.params.id, req.body),
  );

  r.get(
    '/api/training/sessions/:id/roster.xlsx',
    { schema: { tags: TAG, summary: '导出报名名单（Excel）', params: idParams } },
    async (req, reply) => {
      const ctx = authedContext(services, req);
      const roster = await sessionRoster(ctx, req.params.id);
      const data = await renderRosterXlsx(roster);
      await db.transaction(async (tx) =>
        writeAudit(tx, ctx, { entity: 'training_session', entityId: roster.session.id, action: 'export', summary: { title: roster.session.title, rows: roster.items.length, phoneMasked: roster.phoneMasked } }),
      );
      return sendDownload(reply, data, `宣贯培训报名名单-${roster.session.title}.xlsx`, MIME.xlsx);
    },
  );

  // ---- applicant ----

  r.get(
    '/api/applicant/training/sessions',
    { schema: { tags: TAG, summary: '可报名的培训场次（剩余名额、本单位已报人数）', response: { 200: openSessionListSchema, ...errors } } },
    async (req) => openSessions(authedContext(services, req)),
  );

  r.get(
    '/api/applicant/training/projects',
    { schema: { tags: TAG, summary: '本单位可报名的已立项项目', response: { 200: eligibleProjectListSchema, ...errors } } },
    async (req) => eligibleProjects(authedContext(services, req)),
  );

  r.post(
    '/api/applicant/training/sessions/:id/signups',
    { schema: { tags: TAG, summary: '报名参训人员（本单位已立项项目；名额已满答 409）', params: idParams, body: signupInputSchema, response: { 200: signupSchema, ...errors } } },
    async (req, reply) =>
      withIdempotency(services, req, reply, async () => signUp(authedContext(services, req), req.params.id, req.body)),
  );

  r.get(
    '/api/applicant/training/signups',
    { schema: { tags: TAG, summary: '本单位的报名与出勤', response: { 200: mySignupListSchema, ...errors } } },
    async (req) => mySignups(authedContext(services, req)),
  );

  r.post(
    '/api/applicant/training/signups/:id/cancel',
    { schema: { tags: TAG, summary: '取消报名（培训开始前）', params: idParams, response: { 200: z.object({ id: z.string().uuid(), cancelled: z.literal(true) }), ...errors } } },
    async (req, reply) => withIdempotency(services, req, reply, async () => cancelSignup(authedContext(services, req), req.params.id)),
  );

  // ---- recommender (read only) ----

  r.get(
    '/api/recommender/training/signups',
    { schema: { tags: TAG, summary: '本推荐单位所推荐项目的培训报名与出勤（只读）', response: { 200: mySignupListSchema, ...errors } } },
    async (req) => mySignups(authedContext(services, req)),
  );

  registerTrainingMaterialRoutes(app, services);
}

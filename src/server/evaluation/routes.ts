import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { campaignYearQuerySchema } from '../../domain/campaign-config';
import {
  concludeSchema,
  declarationSchema,
  declineSchema,
  expertTaskDetailSchema,
  expertTaskSummarySchema,
  fieldOptionSchema,
  groupCreateSchema,
  groupDetailSchema,
  groupListSchema,
  groupQuerySchema,
  groupRedrawSchema,
  groupReplaceSchema,
  scoreSheetSchema,
  versionSchema,
} from '../../shared/evaluation';
import { notFound } from '../app-error';
import { campaignForYear } from '../campaigns/campaign-repository';
import type { Services } from '../context';
import { files } from '../db/schema';
import { withIdempotency } from '../http/idempotency';
import { authedContext } from '../http/request-context';
import { contentDisposition, errors } from '../http/responses';
import { authorize } from '../policy/policy';
import { adoptGroup } from './adopt-evaluation';
import { commitGroup } from './commit-group';
import { concludeProject } from './conclude-evaluation';
import { declareForTask } from './declare-conflict';
import { createGroup, redrawGroup, replaceExpert } from './form-group';
import { fieldOptions, groupDetail, groupSummaries, loadGroup } from './group-repository';
import { acceptTask, declineTask } from './respond-task';
import { saveScores } from './score-task';
import { listOwnTasks, loadOwnTask, ownTaskDetail, taskFileIds } from './task-repository';

const TAG = '成果评定';
const idParams = z.object({ id: z.string().uuid() });
const detail = { 200: groupDetailSchema, ...errors };
const taskDetail = { 200: expertTaskDetailSchema, ...errors };

export function registerEvaluationRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;
  const manager = (req: Parameters<typeof authedContext>[1]) => {
    const ctx = authedContext(services, req);
    authorize(ctx.actor, { kind: 'evaluation', action: 'manage', resource: {} });
    return ctx;
  };

  r.get('/api/commission/evaluation/fields', { schema: { tags: [TAG], summary: '待组建评定组的领域（已报送成果数、专业对口专家数）', querystring: campaignYearQuerySchema, response: { 200: z.object({ items: z.array(fieldOptionSchema) }), ...errors } } }, async (req) => {
    const ctx = manager(req);
    return { items: await fieldOptions(db, await campaignForYear(db, req.query.year, ctx.clock.now())) };
  });
  r.get('/api/commission/evaluation/groups', { schema: { tags: [TAG], summary: '评定组列表', querystring: groupQuerySchema, response: { 200: groupListSchema, ...errors } } }, async (req) => {
    const ctx = manager(req);
    return groupSummaries(db, await campaignForYear(db, req.query.year, ctx.clock.now()), req.query);
  });
  r.post('/api/commission/evaluation/groups', { schema: { tags: [TAG], summary: '组建评定组（按领域随机抽取专家，返回抽取种子）', body: groupCreateSchema, response: detail } }, async (req, reply) =>
    withIdempotency(services, req, reply, () => createGroup(authedContext(services, req), req.body)),
  );
  r.get('/api/commission/evaluation/groups/:id', { schema: { tags: [TAG], summary: '评定组详情（专家、任务进度、汇总得分）', params: idParams, response: detail } }, async (req) => {
    manager(req);
    return groupDetail(db, await loadGroup(db, req.params.id));
  });
  r.post('/api/commission/evaluation/groups/:id/redraw', { schema: { tags: [TAG], summary: '重新抽取（仅拟定中）', params: idParams, body: groupRedrawSchema, response: detail } }, async (req) =>
    redrawGroup(authedContext(services, req), req.params.id, req.body),
  );
  r.post('/api/commission/evaluation/groups/:id/replace', { schema: { tags: [TAG], summary: '替换一位专家（须说明原因）', params: idParams, body: groupReplaceSchema, response: detail } }, async (req) =>
    replaceExpert(authedContext(services, req), req.params.id, req.body),
  );
  r.post('/api/commission/evaluation/groups/:id/commit', { schema: { tags: [TAG], summary: '确认评定组（生成评定任务，项目进入评定中）', params: idParams, body: versionSchema, response: detail } }, async (req) =>
    commitGroup(authedContext(services, req), req.params.id, req.body),
  );
  r.post(
    '/api/commission/evaluation/groups/:id/projects/:projectId/conclude',
    { schema: { tags: [TAG], summary: '得出项目评定结论（全部专家提交评分后）', params: idParams.extend({ projectId: z.string().uuid() }), body: concludeSchema, response: detail } },
    async (req) => concludeProject(authedContext(services, req), req.params.id, req.params.projectId, req.body),
  );
  r.post('/api/commission/evaluation/groups/:id/adopt', { schema: { tags: [TAG], summary: '采纳评定组结论', params: idParams, body: versionSchema, response: detail } }, async (req) =>
    adoptGroup(authedContext(services, req), req.params.id, req.body),
  );

  r.get('/api/expert/tasks', { schema: { tags: [TAG], summary: '我的评定任务', response: { 200: z.object({ items: z.array(expertTaskSummarySchema) }), ...errors } } }, async (req) => ({
    items: await listOwnTasks(authedContext(services, req)),
  }));
  r.get('/api/expert/tasks/:id', { schema: { tags: [TAG], summary: '评定任务（声明无利害关系后可见成果材料）', params: idParams, response: taskDetail } }, async (req) => ownTaskDetail(db, authedContext(services, req), req.params.id));
  r.post('/api/expert/tasks/:id/accept', { schema: { tags: [TAG], summary: '接受评定任务', params: idParams, body: versionSchema, response: taskDetail } }, async (req) => acceptTask(authedContext(services, req), req.params.id, req.body));
  r.post('/api/expert/tasks/:id/decline', { schema: { tags: [TAG], summary: '谢绝评定任务（须说明原因）', params: idParams, body: declineSchema, response: taskDetail } }, async (req) => declineTask(authedContext(services, req), req.params.id, req.body));
  r.post('/api/expert/tasks/:id/declaration', { schema: { tags: [TAG], summary: '回避声明（无利害关系，或申报回避）', params: idParams, body: declarationSchema, response: taskDetail } }, async (req) =>
    declareForTask(authedContext(services, req), req.params.id, req.body),
  );
  r.put('/api/expert/tasks/:id/scores', { schema: { tags: [TAG], summary: '保存评分草稿', params: idParams, body: scoreSheetSchema, response: taskDetail } }, async (req) => saveScores(authedContext(services, req), req.params.id, req.body, false));
  r.post('/api/expert/tasks/:id/submit', { schema: { tags: [TAG], summary: '提交评分（提交后不能修改）', params: idParams, body: scoreSheetSchema, response: taskDetail } }, async (req) => saveScores(authedContext(services, req), req.params.id, req.body, true));
  r.get('/api/expert/tasks/:id/files/:fileId', { schema: { tags: [TAG], summary: '下载评定材料', params: idParams.extend({ fileId: z.string().uuid() }), querystring: z.object({ inline: z.coerce.boolean().optional() }) } }, async (req, reply) => {
    const ctx = authedContext(services, req);
    const task = await loadOwnTask(db, ctx, req.params.id);
    if (!(await taskFileIds(db, task)).has(req.params.fileId)) throw notFound(`file ${req.params.fileId} not in task ${task.id}`, '文件');
    const [row] = await db.select().from(files).where(eq(files.id, req.params.fileId));
    if (!row) throw notFound(`file ${req.params.fileId}`, '文件');
    const body = await services.files.stream(row.storageKey);
    reply.header('Content-Disposition', contentDisposition(row.originalName, !!req.query.inline));
    reply.type(row.mime);
    return reply.send(body);
  });
}

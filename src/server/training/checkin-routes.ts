/**
 * 签到 routes: the provider's check-in screen under /api/training/ (provider and commission), the
 * attendee's phone under /api/public/ (no login: the short code is the key; rate-limited).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../context';
import { authedContext, commandContext } from '../http/request-context';
import { errors } from '../http/responses';
import { CHECKIN_CODE_LENGTH, checkinInfo, openCheckin, selfCheckin } from './checkin';

const TAG = ['宣贯培训'];
const codeParams = z.object({ code: z.string().trim().length(CHECKIN_CODE_LENGTH).regex(/^[A-Za-z0-9]+$/) });

export function registerCheckinRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/training/sessions/:id/checkin',
    { schema: { tags: TAG, summary: '开启签到：本场次签到码与二维码（SVG）', params: z.object({ id: z.string().uuid() }), response: { 200: z.object({ code: z.string(), url: z.string(), svg: z.string(), opensAt: z.string(), closesAt: z.string() }), ...errors } } },
    async (req) => openCheckin(authedContext(services, req), req.params.id, `${req.protocol}://${req.host}`),
  );

  r.get(
    '/api/public/checkin/:code',
    {
      schema: { tags: TAG, summary: '签到页：培训场次信息（公开）', params: codeParams, response: { 200: z.object({ title: z.string(), venue: z.string().nullable(), startsAt: z.string(), endsAt: z.string(), opensAt: z.string(), open: z.boolean(), message: z.string().nullable() }), ...errors } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req) => checkinInfo(commandContext(services, req), req.params.code),
  );

  r.post(
    '/api/public/checkin/:code',
    {
      schema: {
        tags: TAG,
        summary: '扫码签到：确认姓名和手机号码（公开；仅在培训时间内，每人一次）',
        params: codeParams,
        body: z.object({ name: z.string().trim().min(1).max(30), phone: z.string().trim().regex(/^1\d{10}$/, '手机号码应为11位数字') }),
        response: { 200: z.object({ title: z.string(), attendeeName: z.string(), checkedInAt: z.string() }), ...errors },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => selfCheckin(commandContext(services, req), req.params.code, req.body),
  );
}

import type { FastifyRequest } from 'fastify';
import { AppError } from '../app-error';
import type { Actor, CommandContext, Services } from '../context';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrf: string | null;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'no session', '请先登录');
  return req.actor;
}

/** The context a command runs in, built from the request. */
export function commandContext(services: Services, req: FastifyRequest): CommandContext {
  return { ...services, actor: req.actor, ip: req.ip, requestId: String(req.id) };
}

export function authedContext(services: Services, req: FastifyRequest): CommandContext & { actor: Actor } {
  return { ...services, actor: requireActor(req), ip: req.ip, requestId: String(req.id) };
}

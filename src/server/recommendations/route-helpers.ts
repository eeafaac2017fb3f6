import type { FastifyReply } from 'fastify';
import { apiErrorSchema } from '../../shared/api-error';
import { contentDisposition } from '../files/routes';

export const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };

/** Sends a generated file with its Chinese name (RFC 5987 filename*). */
export function sendFile(reply: FastifyReply, data: Buffer, name: string, mime: string) {
  reply.header('Content-Disposition', contentDisposition(name));
  reply.type(mime);
  return reply.send(data);
}

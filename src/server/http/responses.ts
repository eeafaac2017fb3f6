/** What every route answers besides its DTO: the error map, downloads with a Chinese file name. */
import type { FastifyReply } from 'fastify';
import { apiErrorSchema } from '../../shared/api-error';

/** The one error map of the OpenAPI documents (every error has the shape {code, message, fields?}). */
export const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };

/** The error map plus further statuses (429 rate limits, 413 sizes, 423 locks…). */
export function errorsWith<S extends number>(...statuses: S[]): typeof errors & Record<S, typeof apiErrorSchema> {
  return { ...errors, ...Object.fromEntries(statuses.map((s) => [s, apiErrorSchema])) } as typeof errors & Record<S, typeof apiErrorSchema>;
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 5987 filename*). */
export function contentDisposition(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends a file (generated or stored) with its Chinese name. */
export function sendDownload(reply: FastifyReply, data: Buffer, name: string, mime: string, opts: { inline?: boolean } = {}) {
  reply.header('Content-Disposition', contentDisposition(name, opts.inline));
  reply.type(mime);
  return reply.send(data);
}

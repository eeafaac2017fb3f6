/** Maps every error to the one JSON shape {code, message, fields?}; nothing internal leaks. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldErrorMessage } from '../../shared/field-labels';
import { AppError } from '../app-error';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, req, reply) => {
    const requestId = String(req.id);
    if (error instanceof AppError) {
      if (error.status >= 500) req.log.error({ err: error }, error.message);
      return reply.status(error.status).send({ code: error.code, message: error.userMessage, fields: error.fields, requestId });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const v of error.validation) {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const key = path || (error as { validationContext?: string }).validationContext || 'body';
        if (!fields[key]) fields[key] = fieldErrorMessage(path, v.message ?? '格式不正确');
      }
      const first = Object.values(fields)[0] ?? '请求内容有误';
      return reply.status(400).send({ code: 'validation', message: first, fields, requestId });
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error, issues: error.cause?.issues }, 'response serialization failed');
      return reply.status(500).send({ code: 'internal', message: `服务器内部错误，请稍后重试（请求编号 ${requestId}）`, requestId });
    }
    if (isMalformedMultipart(error)) {
      return reply.status(400).send({ code: 'validation', message: MALFORMED_MULTIPART, fields: { file: MALFORMED_MULTIPART }, requestId });
    }
    const fe = error as FastifyError;
    if (fe.statusCode === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: '操作过于频繁，请稍后再试', requestId });
    }
    if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      return reply.status(413).send({ code: 'payload_too_large', message: '提交的内容或文件过大', requestId });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return reply.status(415).send({ code: 'unsupported_file', message: '不支持的内容类型', requestId });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const message =
        fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? '请求内容不能为空'
          : fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe instanceof SyntaxError
            ? '请求内容不是有效的 JSON'
            : '请求有误';
      return reply.status(fe.statusCode).send({ code: 'validation', message, requestId });
    }
    // PostgreSQL "data exception" (SQLSTATE class 22: invalid text, NUL, out-of-range number or date) is
    // bad input that slipped past a schema: the statement failed, its transaction rolled back.
    const sqlState = pgCode(error);
    if (sqlState?.startsWith('22')) {
      req.log.warn({ err: error, sqlState }, 'data exception from input');
      return reply.status(400).send({ code: 'validation', message: '请求内容包含无法处理的值（如无效的日期、数字或字符），请检查后重试', requestId });
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: `服务器内部错误，请稍后重试（请求编号 ${requestId}）`, requestId });
  });
}

const MALFORMED_MULTIPART = '上传内容格式不正确（表单数据不完整或缺少分隔符），请重新选择文件上传';

/**
 * A multipart body the parser (busboy) cannot read: no boundary parameter, no closing boundary,
 * a truncated part header. These are plain Errors without a status; they are the client's fault.
 */
function isMalformedMultipart(error: unknown): boolean {
  if (!(error instanceof Error) || (error as FastifyError).statusCode) return false;
  return /^(Multipart: |Unexpected end of (multipart data|form|file)|Malformed (part )?header|Part terminated early)/.test(error.message) || /[\\/]@fastify[\\/]busboy[\\/]/.test(error.stack ?? '');
}

/** SQLSTATE of a database error, also when wrapped by the query builder (error.cause). */
function pgCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

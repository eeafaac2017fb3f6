/** Server refusals in review forms: field errors onto the form, the rest as readable lines. */
import type { FormInstance } from 'antd';
import { fieldLabel } from '../../../domain/application-form';
import { labelForPath } from '../../../shared/field-labels';
import { ApiError, errorMessage } from '../../api';

export const STALE_MESSAGE = '已被他人修改，请刷新';

export function isStale(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409 && err.code === 'stale_version';
}

/**
 * Puts `fields` of an ApiError on the form items the form has (`reason`, `opinion`, …) and
 * returns the messages that have no form item, each naming its field in Chinese.
 */
export function applyFieldErrors(form: FormInstance | null, err: unknown, formFields: string[] = []): string[] {
  if (!(err instanceof ApiError)) return [errorMessage(err)];
  const rest: string[] = [];
  for (const [path, msg] of Object.entries(err.fields)) {
    if (form && formFields.includes(path)) form.setFields([{ name: path, errors: [msg] }]);
    else if (path.startsWith('fieldComments.')) rest.push(`逐项意见（${fieldLabel(path.slice('fieldComments.'.length))}）：${msg}`);
    else if (/^ids\.\d+$/.test(path)) rest.push(msg);
    else rest.push(msg.includes(labelForPath(path)) ? msg : `${labelForPath(path)}：${msg}`);
  }
  return rest;
}

/**
 * Chinese messages for zod, shared by server and web. The message says what is wrong; the caller
 * prefixes the field's Chinese name (see `fieldErrorMessage`).
 */
import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
  bigint: '整数',
};

let configured = false;

export function configureZodChinese(): void {
  if (configured) return;
  configured = true;
  z.config(z.locales.zhCN());
  z.config({
    customError: (iss) => {
      switch (iss.code) {
        case 'invalid_type':
          if (iss.input === undefined) return '为必填项';
          if (iss.input === null) return '不能为空';
          return `应为${TYPE_NAMES[iss.expected] ?? iss.expected}`;
        case 'too_small':
          if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? '不能为空' : `至少需要${iss.minimum}个字符`;
          if (iss.origin === 'array') return `至少需要${iss.minimum}项`;
          return `不能小于${iss.minimum}`;
        case 'too_big':
          if (iss.origin === 'string') return `不能超过${iss.maximum}个字符`;
          if (iss.origin === 'array') return `最多${iss.maximum}项`;
          return `不能大于${iss.maximum}`;
        case 'invalid_value':
          return '取值不在允许的范围内';
        case 'unrecognized_keys':
          return `包含无法识别的字段：${iss.keys.join('、')}`;
        case 'invalid_format':
          if (iss.format === 'uuid') return '编号格式不正确';
          if (iss.format === 'email') return '电子邮箱格式不正确';
          if (iss.format === 'regex') return undefined; // the schema's own message
          return '格式不正确';
        default:
          return undefined;
      }
    },
  });
}

configureZodChinese();

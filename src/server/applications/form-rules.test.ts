/**
 * One rule for every field (issue 14): the 申报书 and the training session form refuse what does
 * not fit with a Chinese message naming the field and the limit; formats are kept by autosave as
 * warnings and become errors at the check and the submit. Nothing is cut, clamped or dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/support/test-app';
import { draftWith, readyForm } from './test-helpers';

let t: TestApp;
let applicant: Agent;
beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.login('demo_applicant');
});
afterAll(async () => t.close());

describe('申报书 formats: kept at autosave, errors at check and submit', () => {
  it('keeps phone abc / 12 and e-mail not-an-email with warnings, then the check and the submit refuse them by name', async () => {
    const form = await readyForm(t, applicant, 'demo_applicant');
    const { id, version } = await draftWith(applicant, form);
    const bad = {
      ...form,
      unit: { ...form.unit, contact: { ...form.unit.contact, phone: 'abc', email: 'not-an-email' }, projectLead: { ...form.unit.projectLead, phone: '12' } },
    };
    const saved = await applicant.put(`/api/applications/${id}/draft`, { version, form: bad });
    expect(saved.status).toBe(200);
    const byPath = Object.fromEntries(saved.body.warnings.map((w: { path: string; message: string; severity: string }) => [w.path, w]));
    expect(byPath['unit.contact.phone'].message).toContain('联系人电话格式不正确');
    expect(byPath['unit.contact.phone'].severity).toBe('warning');
    expect(byPath['unit.projectLead.phone'].message).toContain('项目负责人电话格式不正确');
    expect(byPath['unit.contact.email'].message).toContain('联系人电子邮箱格式不正确');

    // what was typed is kept, not cut or dropped
    const detail = await applicant.get(`/api/applications/${id}`);
    expect(detail.body.form.unit.contact).toMatchObject({ phone: 'abc', email: 'not-an-email' });
    expect(detail.body.form.unit.projectLead.phone).toBe('12');

    const check = await applicant.post(`/api/applications/${id}/check`);
    expect(check.body.ok).toBe(false);
    expect(check.body.fields['unit.contact.phone']).toContain('联系人电话格式不正确');
    expect(check.body.fields['unit.projectLead.phone']).toContain('11位手机号码');
    expect(check.body.fields['unit.contact.email']).toContain('电子邮箱格式不正确');

    const submit = await applicant.post(`/api/applications/${id}/submit`, { version: saved.body.version });
    expect(submit.status).toBe(400);
    expect(submit.body.fields['unit.contact.phone']).toContain('联系人电话格式不正确');
    expect(submit.body.fields['unit.contact.email']).toContain('联系人电子邮箱格式不正确');

    // a good phone and e-mail answer no warnings
    const fixed = await applicant.put(`/api/applications/${id}/draft`, { version: saved.body.version, form });
    expect(fixed.status).toBe(200);
    expect(fixed.body.warnings).toEqual([]);
  });
});

describe('申报书 shape: refused with the field and the limit, never coerced', () => {
  let id: string;
  let version: number;
  beforeAll(async () => {
    const created = await applicant.post('/api/applications', {});
    id = created.body.id;
    version = created.body.version;
  });
  const put = (form: Record<string, unknown>) => applicant.put(`/api/applications/${id}/draft`, { version, form });

  it('refuses employees -5 and revenue "abc" instead of making them 0 or empty', async () => {
    const neg = await put({ unit: { employees: -5 } });
    expect(neg.status).toBe(400);
    expect(neg.body.fields['form.unit.employees']).toBe('员工人数不能小于0');
    const abc = await put({ unit: { lastYearRevenue: 'abc' } });
    expect(abc.status).toBe(400);
    expect(abc.body.fields['form.unit.lastYearRevenue']).toBe('上年营业收入（万元）应为数字');
    const half = await put({ unit: { employees: 12.5 } });
    expect(half.status).toBe(400);
    expect(half.body.fields['form.unit.employees']).toContain('员工人数');
  });

  it('refuses overlong text naming the limit instead of cutting it', async () => {
    const name = await put({ project: { name: '协'.repeat(101) } });
    expect(name.status).toBe(400);
    expect(name.body.fields['form.project.name']).toBe('项目名称不能超过100个字符');
    const bg = await put({ content: { background: '质'.repeat(5001) } });
    expect(bg.status).toBe(400);
    expect(bg.body.fields['form.content.background']).toBe('立项背景与质量问题描述不能超过5000个字符');
    const social = await put({ benefits: { social: '效'.repeat(2001) } });
    expect(social.status).toBe(400);
    expect(social.body.fields['form.benefits.social']).toBe('预期社会效益不能超过2000个字符');
    // nothing was stored by the refused saves
    const detail = await applicant.get(`/api/applications/${id}`);
    expect(detail.body.version).toBe(version);
    expect(detail.body.form.project.name ?? '').not.toContain('协协');
  });
});

describe('training session form', () => {
  it('refuses capacity -5 and an end before the start, naming the field', async () => {
    const provider = await t.login('demo_training');
    const base = { title: '质量攻关宣贯培训：质量工具与方法', venue: '天津市市场监督管理委员会二楼报告厅', startsAt: '2026-04-24 09:00', endsAt: '2026-04-24 16:30', capacity: 30 };
    const neg = await provider.post('/api/training/sessions', { ...base, capacity: -5 });
    expect(neg.status).toBe(400);
    expect(neg.body.fields.capacity).toBe('容量（人数）不能小于1');
    const backwards = await provider.post('/api/training/sessions', { ...base, endsAt: '2026-04-23 16:30' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields.endsAt).toBe('结束时间应晚于开始时间');
  });
});

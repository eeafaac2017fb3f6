import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { organisations } from '../db/schema';

// Its own app: registration allows 10 attempts a minute per address.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function request(o: { uscc: string; nature?: string; username: string; name: string }) {
  const person = { contactName: '孙立新', contactPhone: '13752016688' };
  return {
    organisation: { name: o.name, uscc: o.uscc, nature: o.nature ?? 'enterprise', address: '天津市滨海新区新港二号路36号', ...person },
    account: { username: o.username, displayName: person.contactName, phone: person.contactPhone, email: 'sunlx@tg-valve.cn', password: 'Tanggu@Valve2026' },
  };
}

describe('registration by the credit code category and retired division codes', () => {
  it('refuses a 个体工商户 and a 机关 with the category named, creating nothing', async () => {
    for (const [uscc, name, category] of [
      ['92120116MA07K2T37X', '天津市滨海新区海河五金经营部', '个体工商户'],
      ['11120000000068347X', '天津市某区人民政府办公室', '机关'],
    ]) {
      const res = await t.anonymous().post('/api/public/register', request({ uscc, username: `refused_${uscc.slice(0, 2)}`, name }));
      expect(res.status).toBe(400);
      expect(res.body.fields['organisation.uscc']).toContain(`${category}不能注册申报`);
      const [org] = await t.services.database.db.select().from(organisations).where(eq(organisations.uscc, uscc));
      expect(org).toBeUndefined();
    }
    const check = await t.anonymous().get('/api/public/uscc/92120116MA07K2T37X');
    expect(check.body).toMatchObject({ valid: true, categoryName: '个体工商户' });
    expect(check.body.categoryRefusal).toContain('个体工商户不能注册申报');
  });

  it('refuses a declared 单位性质 that contradicts the code', async () => {
    const res = await t.anonymous().post('/api/public/register', request({ uscc: '12120104401309279H', nature: 'enterprise', username: 'nk_inst', name: '天津市南开区质量技术服务中心' }));
    expect(res.status).toBe(400);
    expect(res.body.fields['organisation.nature']).toContain('表示“事业单位”');
  });

  it('maps a code issued under 塘沽区 (120107) to 滨海新区 and its bureau', async () => {
    const check = await t.anonymous().get('/api/public/uscc/91120107103062546T');
    expect(check.body).toMatchObject({ valid: true, tianjin: true, divisionCode: '120107', district: '滨海新区', formerDivision: '塘沽区（2009年撤销，今属滨海新区）', defaultRecommender: { name: '天津市滨海新区市场监督管理局' } });
    const res = await t.anonymous().post('/api/public/register', request({ uscc: '91120107103062546T', username: 'tanggu_valve', name: '天津塘沽阀门制造有限公司' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.organisation).toMatchObject({ district: '滨海新区', defaultRecommender: { name: '天津市滨海新区市场监督管理局' } });
  });

  it.each([
    ['91120221700493184R', '天津市宁河区市场监督管理局'],
    ['911202231040577652', '天津市静海区市场监督管理局'],
    ['91120225752256199C', '天津市蓟州区市场监督管理局'],
  ])('gives %s the bureau of today\'s district (%s)', async (uscc, bureau) => {
    const check = await t.anonymous().get(`/api/public/uscc/${uscc}`);
    expect(check.body.defaultRecommender?.name).toBe(bureau);
  });
});

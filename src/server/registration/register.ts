/**
 * 申报单位注册 (issue 4): an organisation and its first account, in one transaction, then logged in.
 *
 * Rules (program.md §2): the 统一社会信用代码 must be valid (GB 32100-2015; errors name the
 * character); a code registered outside Tianjin (division code not 12xxxx) is refused unless the
 * unit is an industry quality-management organisation (行业质量管理专业组织) — then its recognition
 * is 'pending' until it uploads the industry authority's evidence and its recommender confirms.
 * Default recommender: the district bureau of the code's division (chars 3–8); a municipal-level
 * code (120000/120100) has none; the applicant may choose another recommender.
 */
import { and, eq, sql } from 'drizzle-orm';
import { passwordProblems } from '../../domain/password-policy';
import { categoryVerdict, currentTianjinDistrict, natureContradiction, validateUscc } from '../../domain/uscc';
import type { RegisterRequest } from '../../shared/applications';
import { AppError, validation } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import { hashPassword } from '../auth/passwords';
import { createSession } from '../auth/sessions';
import type { Actor, CommandContext } from '../context';
import type { DbOrTx } from '../db/client';
import { organisations, users } from '../db/schema';

export const MUNICIPAL_DIVISION_CODES = ['120000', '120100'];

/** The district bureau for a division code; null for municipal-level or non-Tianjin codes. */
export async function defaultRecommenderFor(db: DbOrTx, code: string | undefined | null) {
  // A retired code (塘沽区 120107 …) belongs to today's district (滨海新区 120116) and its bureau.
  const divisionCode = code ? currentTianjinDistrict(code)?.code : undefined;
  if (!divisionCode || MUNICIPAL_DIVISION_CODES.includes(divisionCode)) return null;
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'recommender'), eq(organisations.subtype, 'district_bureau'), eq(organisations.divisionCode, divisionCode), eq(organisations.active, true)))
    .limit(1);
  return row ?? null;
}

export const USCC_TAKEN_MESSAGE = '该统一社会信用代码已有单位注册，请勿重复注册。如需新增账号，请联系本单位已注册账号的同事，或联系推荐单位协助';

function isUniqueViolation(err: unknown, constraint: string): boolean {
  let e: any = err;
  for (let i = 0; e && i < 4; i++, e = e.cause) {
    if (e.code === '23505' && (!constraint || String(e.constraint ?? e.detail ?? e.message).includes(constraint))) return true;
  }
  return false;
}

export async function registerApplicant(ctx: CommandContext, input: RegisterRequest & { userAgent?: string }) {
  const db = ctx.database.db;
  const o = input.organisation;
  const a = input.account;
  const fields: Record<string, string> = {};

  const uscc = validateUscc(o.uscc);
  if (!uscc.valid) {
    fields['organisation.uscc'] = `统一社会信用代码有误：${uscc.errors.map((e) => e.message).join('；')}`;
  } else if (!uscc.tianjin && o.nature !== 'industry_org') {
    fields['organisation.uscc'] =
      `统一社会信用代码第3-8位（登记管理机关行政区划码）为${uscc.divisionCode}，不属于天津市。` +
      '只有在天津市行政区域内注册的企事业单位，或经行业主管部门认可的行业质量管理专业组织可以注册申报';
  }
  if (uscc.valid && !fields['organisation.uscc']) {
    const verdict = categoryVerdict(uscc.normalized);
    const contradiction = natureContradiction(uscc.normalized, o.nature);
    if (!verdict.admitted) fields['organisation.uscc'] = verdict.message!;
    else if (contradiction) fields['organisation.nature'] = contradiction;
  }
  const problems = passwordProblems(a.password, a.username);
  if (problems.length) fields['account.password'] = problems.join('；');
  if (Object.keys(fields).length) throw validation(fields);

  const recognitionStatus = !uscc.tianjin && o.nature === 'industry_org' ? 'pending' : 'not_needed';
  const divisionCode = uscc.divisionCode ?? null;
  let recommender = await defaultRecommenderFor(db, divisionCode);
  if (o.recommenderOrgId) {
    const [chosen] = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.id, o.recommenderOrgId), eq(organisations.kind, 'recommender'), eq(organisations.active, true)));
    if (!chosen) throw validation({ 'organisation.recommenderOrgId': '所选推荐单位不存在，请重新选择' });
    recommender = chosen;
  }
  if (recognitionStatus === 'pending' && !recommender) {
    throw validation({ 'organisation.recommenderOrgId': '非天津市注册的行业质量管理专业组织请选择负责确认认可的推荐单位（行业主管部门或行业协会）' });
  }

  const passwordHash = await hashPassword(a.password);
  const now = ctx.clock.now();
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.uscc, uscc.normalized));
      if (taken) throw new AppError('conflict', 'uscc taken', USCC_TAKEN_MESSAGE, { fields: { 'organisation.uscc': USCC_TAKEN_MESSAGE } });
      const [userTaken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, a.username.toLowerCase()));
      if (userTaken) throw new AppError('conflict', 'username taken', '用户名已被使用，请换一个', { fields: { 'account.username': '用户名已被使用，请换一个' } });

      const [org] = await tx
        .insert(organisations)
        .values({
          kind: 'applicant',
          subtype: o.nature,
          name: o.name,
          uscc: uscc.normalized,
          divisionCode,
          district: uscc.district ?? null,
          address: o.address,
          contactName: o.contactName,
          contactPhone: o.contactPhone,
          recognitionStatus,
          defaultRecommenderId: recommender?.id ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const [user] = await tx
        .insert(users)
        .values({
          username: a.username,
          displayName: a.displayName,
          role: 'applicant',
          organisationId: org.id,
          phone: a.phone,
          email: a.email,
          passwordHash,
          passwordChangedAt: now,
          lastLoginAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const actor: Actor = {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        role: 'applicant',
        isAdmin: false,
        organisationId: org.id,
        organisationKind: 'applicant',
        organisationSubtype: org.subtype,
        organisationName: org.name,
      };
      const actx = { ...ctx, actor };
      await writeAudit(tx, actx, {
        entity: 'organisation',
        entityId: org.id,
        action: 'register',
        summary: { name: org.name, uscc: org.uscc, nature: o.nature, district: org.district, recognitionStatus, defaultRecommender: recommender?.name ?? null },
      });
      await writeAudit(tx, actx, { entity: 'user', entityId: user.id, action: 'register', summary: { username: user.username, role: 'applicant', organisation: org.name } });
      const session = await createSession(tx, ctx.clock, user.id, { ip: ctx.ip, userAgent: input.userAgent });
      const notices: string[] = [];
      if (recognitionStatus === 'pending') notices.push(`请在“单位信息”中上传行业主管部门认可证明，由${recommender!.name}确认后方可提交申报`);
      if (!recommender) notices.push('本单位统一社会信用代码为市级登记，没有默认的区市场监管局，请在填写申报书时选择推荐单位');
      return { org, user, session, recommender, notices };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'organisations_uscc_uq')) throw new AppError('conflict', 'uscc taken (race)', USCC_TAKEN_MESSAGE, { fields: { 'organisation.uscc': USCC_TAKEN_MESSAGE } });
    if (isUniqueViolation(err, 'users_username_uq')) throw new AppError('conflict', 'username taken (race)', '用户名已被使用，请换一个', { fields: { 'account.username': '用户名已被使用，请换一个' } });
    throw err;
  }
}

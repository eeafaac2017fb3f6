import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { OrganisationInput } from '../../shared/organisations';
import { invalidState, staleVersion } from '../app-error';
import { writeAudit } from '../audit/write-audit';
import type { Actor, CommandContext } from '../context';
import { organisations, sessions, users } from '../db/schema';
import { authorize } from '../policy/policy';
import { checkOrganisationFields, kindOf, managedOrganisation, throwIfErrors, toManagedDto, typeOf, userCountOf } from './organisation-repository';

type Ctx = CommandContext & { actor: Actor };

export async function createOrganisation(ctx: Ctx, input: OrganisationInput) {
  authorize(ctx.actor, { kind: 'organisation', action: 'manage', resource: { id: '', kind: kindOf(input.type).kind } });
  return ctx.database.db.transaction(async (tx) => {
    const { values, errors } = await checkOrganisationFields(tx, input.type, input);
    throwIfErrors(errors);
    const now = ctx.clock.now();
    const [row] = await tx.insert(organisations).values({ ...values, kind: values.kind!, name: values.name!, createdAt: now, updatedAt: now }).returning();
    await writeAudit(tx, ctx, { entity: 'organisation', entityId: row.id, action: 'create', summary: { type: input.type, name: row.name, divisionCode: row.divisionCode } });
    return toManagedDto(row, 0);
  });
}

export async function updateOrganisation(ctx: Ctx, id: string, input: Omit<OrganisationInput, 'type'> & { version: number }) {
  const current = await managedOrganisation(ctx.database.db, id);
  authorize(ctx.actor, { kind: 'organisation', action: 'manage', resource: { id, kind: current.kind } });
  return ctx.database.db.transaction(async (tx) => {
    const { values, errors } = await checkOrganisationFields(tx, typeOf(current)!, input, id);
    throwIfErrors(errors);
    const [row] = await tx
      .update(organisations)
      .set({ ...values, updatedAt: ctx.clock.now(), version: input.version + 1 })
      .where(and(eq(organisations.id, id), eq(organisations.version, input.version)))
      .returning();
    if (!row) throw staleVersion('organisation');
    const changed = (['name', 'shortName', 'divisionCode', 'uscc', 'address', 'contactName', 'contactPhone'] as const).filter((k) => current[k] !== row[k]);
    await writeAudit(tx, ctx, { entity: 'organisation', entityId: id, action: 'update', summary: { name: row.name, changed } });
    return toManagedDto(row, await userCountOf(tx, id));
  });
}

/** Disabling an organisation signs its accounts out; they cannot log in until it is enabled again. */
export async function setOrganisationActive(ctx: Ctx, id: string, active: boolean, version: number) {
  const current = await managedOrganisation(ctx.database.db, id);
  authorize(ctx.actor, { kind: 'organisation', action: 'manage', resource: { id, kind: current.kind } });
  if (!active && id === ctx.actor.organisationId) throw invalidState('own organisation', '不能停用本人所在的单位');
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (active && typeOf(current) === 'district_bureau') {
      const { errors } = await checkOrganisationFields(tx, 'district_bureau', { name: current.name, divisionCode: current.divisionCode ?? undefined }, id);
      if (errors.divisionCode) throwIfErrors({ divisionCode: errors.divisionCode });
    }
    const [row] = await tx
      .update(organisations)
      .set({ active, updatedAt: now, version: version + 1 })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning();
    if (!row) throw staleVersion('organisation');
    if (!active) {
      const members = tx.select({ id: users.id }).from(users).where(eq(users.organisationId, id));
      await tx.update(sessions).set({ revokedAt: now }).where(and(isNull(sessions.revokedAt), inArray(sessions.userId, members)));
    }
    await writeAudit(tx, ctx, { entity: 'organisation', entityId: id, action: active ? 'enable' : 'disable', summary: { name: row.name } });
    return toManagedDto(row, await userCountOf(tx, id));
  });
}

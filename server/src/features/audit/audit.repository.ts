import type { TAuditQuery } from '@guanxi/common/audit';
import type { Db } from '../../db/database';
import { offsetOf } from '../../lib/pagination';

export async function listAudit(db: Db, tenantId: string, q: TAuditQuery) {
  let base = db.selectFrom('audit_log').where('tenant_id', '=', tenantId);
  if (q.entity) base = base.where('entity', '=', q.entity);
  if (q.entityId) base = base.where('entity_id', '=', q.entityId);
  if (q.actorId) base = base.where('actor_id', '=', q.actorId);
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
export type AuditRow = Awaited<ReturnType<typeof listAudit>>['items'][number];

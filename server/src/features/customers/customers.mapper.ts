import type { TCustomer } from '@guanxi/common/customers';
import { readBool, readJson, readTimestamp } from '../../db/dialect';
import type { SensitiveFields } from '../../lib/masking';
import type { CustomerRow } from './customers.repository';

/** Mobile and email of the primary contact, and the street, are personal data (PRODUCT.md M0). */
export const CUSTOMER_SENSITIVE: SensitiveFields = { primaryMobile: 'mobile', primaryEmail: 'email', street: 'text' };

// SQLite keeps timestamps as the text toISOString wrote: that text is what readTimestamp would answer, so it is
// passed through (an export maps hundreds of thousands of rows; the parse and print were a tenth of its time).
// PostgreSQL's Date objects and any other text still go through readTimestamp.
const STORED_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
export function storedTimestamp(value: unknown): string;
export function storedTimestamp(value: unknown, nullable: true): string | null;
export function storedTimestamp(value: unknown, nullable?: true): string | null {
  if (typeof value === 'string' && STORED_ISO.test(value)) return value;
  return nullable ? readTimestamp(value, true) : readTimestamp(value);
}

const money = (fen: number | null) => (fen === null || fen === undefined ? null : Number(fen) / 100);

export type PrimaryContact = { id: string; name: string; mobile: string | null; email: string | null } | null;

export function toCustomer(row: CustomerRow, extra: { tags: string[]; primaryContact: PrimaryContact; poolDaysLeft: number | null }): TCustomer {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    type: row.type as TCustomer['type'],
    industry: row.industry,
    industryNote: row.industry_note,
    source: row.source,
    size: row.size,
    address: { province: row.province, city: row.city, district: row.district, street: row.street },
    ownerId: row.owner_id,
    ownerName: row.owner_name ?? null,
    status: row.status as TCustomer['status'],
    tags: extra.tags,
    requirement: row.requirement,
    preferences: { product: row.product_preference, communication: row.communication_preference },
    valueTier: row.value_tier as TCustomer['valueTier'],
    riskLevel: row.risk_level as TCustomer['riskLevel'],
    firstContactAt: storedTimestamp(row.first_contact_at, true),
    lastFollowUpAt: storedTimestamp(row.last_follow_up_at, true),
    wonAt: storedTimestamp(row.won_at, true),
    purchaseFrequency: row.purchase_frequency === null ? null : Number(row.purchase_frequency),
    avgOrderValue: money(row.avg_order_value),
    gender: row.gender as TCustomer['gender'],
    birthday: row.birthday,
    staffCount: row.staff_count,
    annualRevenue: money(row.annual_revenue),
    completeness: row.completeness,
    custom: readJson<Record<string, unknown>>(row.custom, {}),
    primaryContact: extra.primaryContact,
    poolId: row.pool_id,
    pooledAt: storedTimestamp(row.pooled_at, true),
    lastOwnerId: row.last_owner_id,
    locked: readBool(row.locked),
    poolDaysLeft: extra.poolDaysLeft,
    deletedAt: storedTimestamp(row.deleted_at, true),
    version: row.version,
    createdAt: storedTimestamp(row.created_at),
    updatedAt: storedTimestamp(row.updated_at),
  };
}

/** Flat view of the sensitive values so the shared masking mechanism can treat them like any other field. */
export function flattenSensitive(c: TCustomer) {
  return { id: c.id, primaryMobile: c.primaryContact?.mobile ?? null, primaryEmail: c.primaryContact?.email ?? null, street: c.address.street };
}

export function unflattenSensitive(c: TCustomer, f: ReturnType<typeof flattenSensitive>): TCustomer {
  return {
    ...c,
    address: { ...c.address, street: f.street },
    primaryContact: c.primaryContact ? { ...c.primaryContact, mobile: f.primaryMobile, email: f.primaryEmail } : null,
  };
}

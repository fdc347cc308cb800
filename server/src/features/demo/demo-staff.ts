import type { RoleCode } from '@guanxi/common/permissions';
import { demoPerson } from './demo-people';
import { createRng } from './demo-random';

/** The demo organisation below the head office: 销售部 with three regional groups, 市场部, 客服部, IT部. */
export const DEMO_DEPARTMENTS = [
  { key: 'sales', name: '销售部', parent: 'root', sort: 10 },
  { key: 'east', name: '华东销售组', parent: 'sales', sort: 11 },
  { key: 'south', name: '华南销售组', parent: 'sales', sort: 12 },
  { key: 'north', name: '华北销售组', parent: 'sales', sort: 13 },
  { key: 'marketing', name: '市场部', parent: 'root', sort: 20 },
  { key: 'service', name: '客服部', parent: 'root', sort: 30 },
  { key: 'it', name: 'IT部', parent: 'root', sort: 40 },
] as const;
export type DemoDepartmentKey = 'root' | (typeof DEMO_DEPARTMENTS)[number]['key'];

/** Which sales regions (see REGION_OF) each group covers: together they cover the country. */
export const GROUP_REGIONS: Readonly<Record<string, readonly string[]>> = {
  华东销售组: ['华东'], 华南销售组: ['华南', '西南'], 华北销售组: ['华北', '东北', '西北', '华中'],
};

export type DemoStaffMember = {
  key: string; name: string; mailbox: string; mobileIndex: number; department: DemoDepartmentKey; role: RoleCode;
  superior: string | null; isHead: boolean;
};

/**
 * The 50 demo users: a general manager, a sales director with two key-account managers and three regional groups
 * (head + reps), marketing, service and IT teams. Superiors come before their reports, so rows can be inserted in
 * this order with the superior_id foreign key checked on each insert.
 */
export function demoStaff(seed: number): DemoStaffMember[] {
  const rng = createRng(seed, 0x57aff);
  const out: DemoStaffMember[] = [];
  const taken = new Map<string, number>();
  const add = (key: string, department: DemoDepartmentKey, role: RoleCode, superior: string | null, isHead = false) => {
    const p = demoPerson(rng);
    // Mailboxes are unique across all tenants (login is by email): zhangwei, zhangwei2, …
    const base = `${p.surnamePinyin}${p.givenPinyin}`;
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    out.push({ key, name: p.name, mailbox: n === 1 ? base : `${base}${n}`, mobileIndex: out.length, department, role, superior, isHead });
  };
  add('ceo', 'root', 'manager', null, true);
  add('sales-head', 'sales', 'manager', 'ceo', true);
  for (let i = 1; i <= 2; i++) add(`key-account-${i}`, 'sales', 'sales', 'sales-head');
  for (const [group, reps] of [['east', 11], ['south', 10], ['north', 9]] as const) {
    add(`${group}-head`, group, 'manager', 'sales-head', true);
    for (let i = 1; i <= reps; i++) add(`${group}-${i}`, group, 'sales', `${group}-head`);
  }
  for (const [dept, role, size] of [['marketing', 'marketing', 4], ['service', 'service', 5], ['it', 'admin', 1]] as const) {
    add(`${dept}-head`, dept, dept === 'it' ? 'admin' : 'manager', 'ceo', true);
    for (let i = 1; i <= size; i++) add(`${dept}-${i}`, dept, role, `${dept}-head`);
  }
  return out;
}

import type { Permissions, DataScope } from '@guanxi/common/permissions';
import { expect } from 'vitest';
import { PASSWORD, type TestApp, type TestClient, type TestResponse } from './test-app';

let seq = 0;
/** A unique email whose address has no digits and no random letters, so searches in tests hit only what they mean to. */
export function letterEmail(local: string): string {
  const unique = `${process.pid}${Date.now() * 1000 + (seq++ % 1000)}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
  return `${local}.${unique}@example.com`;
}

/** The id of a seeded role, looked up by its code through GET /roles. */
export async function roleIdOf(admin: TestClient, code: string): Promise<string> {
  const res = await admin.get('/roles');
  const role = res.body.items.find((r: { code: string | null }) => r.code === code);
  if (!role) throw new Error(`no role ${code}`);
  return role.id;
}

/** Creates a department through the API and returns it. */
export async function createDepartment(admin: TestClient, name: string, parentId: string | null = null, headId: string | null = null) {
  const res = await admin.post('/departments', { name, parentId, headId });
  if (res.status !== 201) throw new Error(`create department failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; parentId: string | null };
}

/** Creates a custom role through the API and returns it. */
export async function createRole(
  admin: TestClient,
  opts: { name?: string; dataScope: DataScope; permissions: Permissions; viewSensitive?: boolean },
) {
  const res = await admin.post('/roles', { name: opts.name ?? '自定义角色', viewSensitive: false, ...opts });
  if (res.status !== 201) throw new Error(`create role failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number };
}

/** Creates a user with a role id (seeded or custom) and signs them in; returns their client. */
export async function createUserWithRole(
  t: TestApp,
  admin: TestClient,
  opts: { roleId: string; name?: string; departmentId?: string | null; superiorId?: string | null; mobile?: string },
) {
  const email = t.email('staff');
  const created = await admin.post('/users', {
    name: opts.name ?? '员工', email, mobile: opts.mobile ?? '13912345678', password: PASSWORD,
    roleId: opts.roleId, departmentId: opts.departmentId ?? null, superiorId: opts.superiorId ?? null,
  });
  if (created.status !== 201) throw new Error(`create user failed: ${created.status} ${JSON.stringify(created.body)}`);
  const client = t.client();
  const login = await client.post('/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { client, user: created.body as { id: string; version: number; name: string }, email };
}

/** Asserts an error envelope: status, code and, when given, the one field named in the details. */
export function expectError(res: TestResponse, status: number, code: string, field?: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  if (field !== undefined) expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
}

/** The ids in a list answer (`{ items: [{ id }] }`). */
export function idsOf(res: TestResponse): string[] {
  return res.body.items.map((i: { id: string }) => i.id);
}

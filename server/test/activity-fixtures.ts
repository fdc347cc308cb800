import type { TestApp, TestClient } from './test-app';

let seq = 0;

/** A customer body for POST /customers with a unique name and mobile (tests share PostgreSQL). */
export function customerBody(name = '华星科技有限公司', over: Record<string, unknown> = {}) {
  seq++;
  const mobile = `139${String(Date.now() % 100_000_000).padStart(8, '0')}`.slice(0, 11);
  const unique = `${name}${process.pid}${seq}${Math.random().toString(36).slice(2, 6)}`;
  return {
    name: unique, industry: 'I', source: 'trade_show', size: 'medium', allowDuplicate: true,
    contact: { name: '张伟', title: '采购部经理', mobile: `${mobile.slice(0, 7)}${String(seq % 10000).padStart(4, '0')}` },
    ...over,
  };
}

/** Creates a customer (with its first contact) as `client`; returns it with its primary contact id. */
export async function createCustomer(client: TestClient, name?: string, over: Record<string, unknown> = {}) {
  const res = await client.post('/customers', customerBody(name, over));
  if (res.status !== 201) throw new Error(`create customer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; name: string; status: string; ownerId: string; primaryContact: { id: string } | null; version: number };
}

/** The client's view of a customer's timeline event types, newest first. */
export async function timelineTypes(client: TestClient, customerId: string, types?: string) {
  const res = await client.get(`/customers/${customerId}/timeline${types ? `?types=${types}` : ''}`);
  return (res.body.items as Array<{ type: string }>).map((e) => e.type);
}

/** A client of the same user speaking another language. */
export function inLanguage(t: TestApp, client: TestClient, lang: 'zh-CN' | 'en'): TestClient {
  const c = t.client({ lang });
  c.cookie = client.cookie;
  c.csrf = client.csrf;
  return c;
}

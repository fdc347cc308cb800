import type { TMe } from '@guanxi/common/auth';
import { loadConfig, type Config } from '../src/config';
import { createApp } from '../src/app';
import { createDb } from '../src/db/create-db';
import type { DialectName } from '../src/db/dialect';
import { migrateToLatest } from '../src/db/migrate';
import { manualClock } from '../src/lib/clock';
import type { AppDeps } from '../src/lib/http';
import { createLogger } from '../src/lib/logger';
import { closeJobQueue } from '../src/lib/jobs';
import { databaseUrl } from './dialects';

export type TestResponse<T = any> = { status: number; body: T; headers: Headers };

/**
 * The real app on a real database (in-memory SQLite per app, or the run's PostgreSQL database), called
 * in-process with app.request(). `logs` collects every log line so tests can check what was written.
 */
export async function createTestApp(dialect: DialectName, overrides: Partial<Config> = {}) {
  const handle = createDb(databaseUrl(dialect), { poolSize: 4 });
  await migrateToLatest(handle.db, handle.dialect);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' } as NodeJS.ProcessEnv, overrides);
  const logs: string[] = [];
  const clock = manualClock(new Date('2026-11-23T02:00:00.000Z'));
  const deps: AppDeps = {
    db: handle.db, dialect: handle.dialect, config, clock,
    logger: createLogger('debug', (l) => logs.push(l)), secret: 'test-secret-0123456789-0123456789-abcdef',
  };
  const app = createApp(deps);
  let seq = 0;
  return {
    app, deps, clock, logs, dialect,
    /** A unique email per call (PostgreSQL tests share one database across files). */
    email: (name = 'user') => `${name}.${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`,
    client: (opts: ClientOptions = {}): TestClient => new TestClient(app, opts),
    close: async () => {
      await closeJobQueue(handle.db);
      await handle.destroy();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

type ClientOptions = { lang?: 'zh-CN' | 'en'; bearer?: string };

/** A browser-like client: keeps the session cookie and sends the CSRF token on unsafe requests. */
export class TestClient {
  cookie: string | undefined;
  csrf: string | undefined;
  me: TMe | undefined;

  constructor(
    private readonly app: TestApp['app'],
    private readonly opts: ClientOptions,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const h: Record<string, string> = { 'Accept-Language': this.opts.lang ?? 'zh-CN', ...headers };
    if (body !== undefined) h['Content-Type'] = 'application/json';
    if (this.cookie) h.Cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('X-CSRF-Token' in headers)) h['X-CSRF-Token'] = this.csrf;
    if (this.opts.bearer) h.Authorization = `Bearer ${this.opts.bearer}`;
    const res = await this.app.request(`/api/v1${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('gx_session=')) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'gx_session=' ? undefined : value;
    }
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : null;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) {
      this.csrf = parsed.csrfToken ?? undefined;
      this.me = parsed as TMe;
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get<T = any>(path: string) { return this.request<T>('GET', path); }
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body ?? {}); }
  patch<T = any>(path: string, body: unknown) { return this.request<T>('PATCH', path, body); }
  delete<T = any>(path: string) { return this.request<T>('DELETE', path); }
}

export const PASSWORD = 'Passw0rd-测试';

/** Signs up a new enterprise account; returns the admin's signed-in client. */
export async function signup(t: TestApp, company = '华星科技有限公司', lang: 'zh-CN' | 'en' = 'zh-CN') {
  const client = t.client({ lang });
  const email = t.email('admin');
  const res = await client.post('/auth/signup', {
    companyName: company, industry: '制造业', staffSize: '21-100', adminName: '王管理', email, mobile: '13800138000', password: PASSWORD,
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, email, me: res.body as TMe };
}

/** Creates a user through the API as `admin` and returns a signed-in client for them. */
export async function createUserAndLogin(
  t: TestApp,
  admin: TestClient,
  opts: { roleCode: string; departmentId?: string | null; superiorId?: string | null; name?: string; mobile?: string },
) {
  const roles = await admin.get('/roles');
  const role = roles.body.items.find((r: { code: string }) => r.code === opts.roleCode);
  if (!role) throw new Error(`no role ${opts.roleCode}`);
  const email = t.email(opts.roleCode);
  const created = await admin.post('/users', {
    name: opts.name ?? `用户${opts.roleCode}`, email, mobile: opts.mobile ?? '13912345678', password: PASSWORD,
    roleId: role.id, departmentId: opts.departmentId ?? null, superiorId: opts.superiorId ?? null,
  });
  if (created.status !== 201) throw new Error(`create user failed: ${created.status} ${JSON.stringify(created.body)}`);
  const client = t.client();
  const login = await client.post('/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { client, user: created.body, email };
}

import http from 'node:http';
import { msSince } from './bench-stats';

export type BenchRequest = { method: 'GET' | 'POST' | 'PATCH'; path: string; body?: unknown };
export type BenchResponse = { status: number; text: string; ms: number; setCookie?: string[] };

/**
 * A minimal keep-alive HTTP client for 127.0.0.1. node:http rather than fetch (undici): it costs the client less
 * per request, and the client shares the machine's two cores with the server it measures.
 */
export class BenchHttp {
  readonly agent: http.Agent;

  constructor(
    readonly base: URL,
    maxSockets = 1,
  ) {
    if (base.hostname !== '127.0.0.1' && base.hostname !== 'localhost' && base.hostname !== '[::1]') {
      throw new Error('the bench only talks to a server on the loopback interface');
    }
    // Idle sockets are dropped before the server's 5 s keep-alive timeout would close them under us.
    this.agent = new http.Agent({ keepAlive: true, maxSockets, timeout: 4000 });
  }

  async send(req: BenchRequest, headers: Record<string, string> = {}): Promise<BenchResponse> {
    try {
      return await this.once(req, headers);
    } catch (err) {
      // The server closed an idle keep-alive connection just as we reused it (its keepAliveTimeout is 5 s, and the
      // bench pauses longer between scenarios): the request never reached it, so sending it again is safe.
      const code = (err as NodeJS.ErrnoException).code;
      if ((err as { reusedSocket?: boolean }).reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) return this.once(req, headers);
      throw err;
    }
  }

  private once(req: BenchRequest, headers: Record<string, string>): Promise<BenchResponse> {
    const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
    const h: Record<string, string | number> = { 'Accept-Language': 'zh-CN', ...headers };
    if (payload) {
      h['Content-Type'] = 'application/json';
      h['Content-Length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const start = process.hrtime.bigint();
      const r = http.request(
        { host: this.base.hostname, port: this.base.port, path: req.path, method: req.method, headers: h, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({
            status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: msSince(start), setCookie: res.headers['set-cookie'],
          }));
          res.on('error', reject);
        },
      );
      r.on('error', (err) => reject(Object.assign(err, { reusedSocket: r.reusedSocket })));
      r.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A signed-in user: the session cookie, and the CSRF token that unsafe requests carry. */
export type BenchSession = { email: string; userId: string; cookie: string; csrf: string };

export function sessionHeaders(s: BenchSession, method: string): Record<string, string> {
  return method === 'GET' ? { Cookie: s.cookie } : { Cookie: s.cookie, 'X-CSRF-Token': s.csrf };
}

export async function signIn(client: BenchHttp, email: string, password: string): Promise<BenchSession> {
  const res = await client.send({ method: 'POST', path: '/api/v1/auth/login', body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.text.slice(0, 200)}`);
  const me = JSON.parse(res.text) as { csrfToken: string; user: { id: string } };
  const cookie = res.setCookie?.map((c) => /^gx_session=[^;]+/.exec(c)?.[0]).find(Boolean);
  if (!cookie) throw new Error(`sign-in of ${email} set no session cookie`);
  return { email, userId: me.user.id, cookie, csrf: me.csrfToken };
}

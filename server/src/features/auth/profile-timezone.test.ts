import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signup, type TestApp } from '../../../test/test-app';
import { DIALECTS } from '../../../test/dialects';

for (const dialect of DIALECTS) {
  describe(`profile time zone (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => {
      await t.close();
    });

    it('takes an IANA zone and refuses anything else, naming the field in zh-CN and en', async () => {
      const { client } = await signup(t);
      const ok = await client.patch('/auth/me', { timezone: 'America/New_York' });
      expect(ok.status).toBe(200);
      expect(ok.body.user.timezone).toBe('America/New_York');
      const zh = await client.patch('/auth/me', { timezone: 'Mars/Olympus' });
      expect(zh.status).toBe(400);
      expect(zh.body.error.details[0]).toMatchObject({ field: 'timezone', message: '时区不是有效的 IANA 时区（如 Asia/Shanghai）' });
      const en = await client.request('PATCH', '/auth/me', { timezone: 'Beijing' }, { 'Accept-Language': 'en' });
      expect(en.body.error.details[0]).toMatchObject({ field: 'timezone', message: 'Time zone is not a valid IANA time zone (e.g. Asia/Shanghai)' });
      expect((await client.get('/auth/me')).body.user.timezone).toBe('America/New_York');
    });
  });
}

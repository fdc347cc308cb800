import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, fieldError, fill, login, menuItem, signUpInUi, signupBody, signupViaApi, type Account } from '../fixtures/app';
import { launchBrowser, newSession } from '../fixtures/browser';
import { startTestServer, type TestServer } from '../fixtures/server';

const existing: Account = {
  companyName: '北京远航物流有限公司',
  industry: '交通运输、仓储和邮政业',
  staffSize: '101–500 人',
  adminName: '张伟',
  email: 'zhang.wei@yuanhang.example.com',
  mobile: '13600001111',
  password: 'Yuanhang2024',
};

describe('form errors land on the right field (中文界面)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await signupViaApi(server.url, signupBody(existing, '交通运输、仓储和邮政业', '101-500'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the server field error under the email field, and shared-schema errors before any request', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);
    const signups: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/auth/signup')) signups.push(r.method());
    });
    await page.goto('/signup');

    // Client side: the shared ZSignupRequest runs first, with the server's wording; nothing is sent.
    await signUpInUi(page, { ...existing, companyName: '另一家公司', mobile: '12345' });
    await fieldError(page, '手机号').waitFor();
    expect(await fieldError(page, '手机号').textContent()).toBe('手机号格式不正确，应为 11 位中国大陆手机号（如 13812345678）');
    expect(signups).toEqual([]);
    await fill(page, '确认密码', 'Different2024');
    await fill(page, '手机号', '13600002222');
    await page.getByRole('button', { name: '注册并进入系统' }).click();
    await fieldError(page, '确认密码').waitFor();
    expect(await fieldError(page, '确认密码').textContent()).toBe('两次输入的密码不一致');
    // The fixed mobile's error leaves with an animation: wait for it to go rather than count at once.
    await fieldError(page, '手机号').waitFor({ state: 'detached' });
    expect(signups).toEqual([]);

    // Server side: the email is taken; the 400 detail for `email` appears under 邮箱 and nowhere else.
    await fill(page, '确认密码', existing.password);
    await page.getByRole('button', { name: '注册并进入系统' }).click();
    await fieldError(page, '邮箱').waitFor();
    expect(await fieldError(page, '邮箱').textContent()).toBe('邮箱已被其他账号使用');
    await page.waitForFunction(() => document.querySelectorAll('.ant-form-item-explain-error').length === 1);
    expect(signups).toEqual(['POST']);
    expect(new URL(page.url()).pathname).toBe('/signup');

    // Wrong password: a form-level message, not a field error.
    await login(page, existing.email, 'Wrong-password1');
    await page.getByRole('alert').filter({ hasText: '邮箱或密码不正确' }).waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('maps server errors inside the app and reloads a record someone else changed (409)', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);
    await login(page, existing.email, existing.password);
    await page.getByRole('heading', { name: `你好，${existing.adminName}` }).waitFor();
    await menuItem(page, '用户').click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const drawer = page.locator('.ant-drawer-content').filter({ hasText: '新建用户' });
    await fill(drawer, '姓名', '重复邮箱');
    await fill(drawer, '邮箱', existing.email);
    await fill(drawer, '手机号', '13600003333');
    await fill(drawer, '初始密码', 'Another2024');
    await drawer.getByRole('button', { name: '保存' }).click();
    // roleId is required by the shared schema: caught before the request.
    await fieldError(drawer, '角色').waitFor();
    expect(await fieldError(drawer, '角色').textContent()).toBe('角色为必填项');
    await drawer.locator('.ant-form-item').filter({ hasText: '角色' }).locator('.ant-select-selector').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: /^销售$/ }).click();
    await drawer.getByRole('button', { name: '保存' }).click();
    await fieldError(drawer, '邮箱').waitFor();
    expect(await fieldError(drawer, '邮箱').textContent()).toBe('邮箱已被其他账号使用');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Open the admin's own record, let "someone else" save it meanwhile, then save the stale copy.
    const row = page.locator('.ant-table-row').filter({ hasText: existing.adminName });
    await row.getByRole('button', { name: '编辑' }).click();
    const editor = page.locator('.ant-drawer-content').filter({ hasText: '编辑用户' });
    await editor.locator('input').first().waitFor();
    expect(await editor.locator('.ant-form-item').first().locator('input').inputValue()).toBe(existing.adminName);
    const me = await apiFromPage<{ user: { id: string } }>(page, 'GET', '/auth/me');
    const current = await apiFromPage<{ version: number }>(page, 'GET', `/users/${me.body.user.id}`);
    const other = await apiFromPage(page, 'PATCH', `/users/${me.body.user.id}`, { version: current.body.version, name: '张伟（总经理）' });
    expect(other.status).toBe(200);
    await fill(editor, '姓名', '张伟新');
    await editor.getByRole('button', { name: '保存' }).click();
    await page.locator('.ant-notification-notice').filter({ hasText: '该记录已被他人修改，请刷新后再保存' }).waitFor();
    await page.waitForFunction(
      () => (document.querySelector('.ant-drawer-content input') as HTMLInputElement | null)?.value === '张伟（总经理）',
    );
    // The reloaded copy saves.
    await fill(editor, '姓名', '张伟新');
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row').filter({ hasText: '张伟新' }).waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

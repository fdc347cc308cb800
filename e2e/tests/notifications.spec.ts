import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, login, signupBody, signupViaApi, type Account } from '../fixtures/app';
import { join } from 'node:path';
import { launchBrowser, newSession, screenshot, SCREENSHOT_DIR } from '../fixtures/browser';
import { startTestServer, type TestServer } from '../fixtures/server';

const admin: Account = {
  companyName: '宁波海纳贸易有限公司',
  industry: '批发和零售业',
  staffSize: '21–100 人',
  adminName: '郑海',
  email: 'zheng.hai@haina.example.com',
  mobile: '13857412345',
  password: 'Haina2024go',
};
const rep = { name: '陈晓', email: 'chen.xiao@haina.example.com', password: 'Passw0rd2024' };

describe('notifications: the live bell and e-mail preferences', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await signupViaApi(server.url, signupBody(admin, '批发和零售业'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a transfer shows up on the rep’s bell without a reload; the rep turns on e-mail for some notices', async () => {
    const boss = await newSession(browser, server.url);
    await login(boss.page, admin.email, admin.password);
    await boss.page.getByRole('heading', { name: `你好，${admin.adminName}` }).waitFor();
    const roles = (await apiFromPage<{ items: Array<{ id: string; code: string | null }> }>(boss.page, 'GET', '/roles')).body.items;
    const repUser = await apiFromPage<{ id: string }>(boss.page, 'POST', '/users', {
      name: rep.name, email: rep.email, mobile: '13988886666', password: rep.password, roleId: roles.find((r) => r.code === 'sales')!.id,
    });
    expect(repUser.status).toBe(201);
    const customer = await apiFromPage<{ id: string }>(boss.page, 'POST', '/customers', {
      name: '宁波东海电器有限公司', industry: 'C', source: 'trade_show', contact: { name: '林峰', title: '采购经理', mobile: '13600001111' }, allowDuplicate: true,
    });
    expect(customer.status).toBe(201);

    const { page, pageErrors, context } = await newSession(browser, server.url);
    await login(page, rep.email, rep.password);
    await page.getByRole('heading', { name: `你好，${rep.name}` }).waitFor();
    const bell = page.getByTestId('notification-bell');
    await page.locator('[data-testid="notification-bell"][data-live="true"]').waitFor();
    expect(await bell.locator('.ant-badge-count').count()).toBe(0);

    // The admin transfers the customer; the rep's page is not reloaded.
    expect((await apiFromPage(boss.page, 'POST', `/customers/${customer.body.id}/transfer`, { ownerId: repUser.body.id, reason: '区域调整' })).status).toBe(200);
    await bell.locator('.ant-badge-count').filter({ hasText: '1' }).waitFor({ timeout: 20_000 });
    await bell.click();
    await page.getByTestId('notifications').getByText('将客户「宁波东海电器有限公司」转给了你').waitFor();
    await screenshot(page, 'zh-notifications-live');
    await page.keyboard.press('Escape');

    // 个人设置 → 通知设置: e-mail on, but not for pool warnings.
    await page.goto('/profile');
    const prefs = page.getByTestId('notification-preferences');
    await prefs.waitFor();
    await prefs.getByText('系统尚未配置邮件服务器').waitFor();
    await prefs.getByRole('switch', { name: '邮件通知' }).click();
    await prefs.getByRole('checkbox', { name: '客户即将退回公海的提醒' }).uncheck();
    await prefs.getByRole('button', { name: '保存' }).click();
    await page.getByText('通知设置已保存').waitFor();
    await prefs.scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'zh-profile-notifications.png') });
    const saved = await apiFromPage<{ emailEnabled: boolean; emailTypes: Record<string, boolean> }>(page, 'GET', '/notifications/preferences');
    expect(saved.body).toMatchObject({ emailEnabled: true, emailTypes: { 'customer.pool_warning': false } });
    await page.reload();
    await expect.poll(() => prefs.getByRole('switch', { name: '邮件通知' }).getAttribute('aria-checked')).toBe('true');
    expect(pageErrors).toEqual([]);
    await context.close();
    await boss.context.close();
  });
});

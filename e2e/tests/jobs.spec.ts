import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, login, menuItem, signupBody, signupViaApi, type Account } from '../fixtures/app';
import { join } from 'node:path';
import { launchBrowser, newSession, screenshot, SCREENSHOT_DIR } from '../fixtures/browser';
import { startTestServer, type TestServer } from '../fixtures/server';

const admin: Account = {
  companyName: '苏州恒通精密机械有限公司',
  industry: '制造业',
  staffSize: '101–500 人',
  adminName: '周建国',
  email: 'zhou.jg@hengtong.example.com',
  mobile: '13962112345',
  password: 'Hengtong2024',
};

describe('后台任务 (jobs admin page)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await signupViaApi(server.url, signupBody(admin));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an admin sees the scheduled jobs, runs a diagnostics job and watches it complete; cancels and retries a queued one', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);
    await login(page, admin.email, admin.password);
    await page.getByRole('heading', { name: `你好，${admin.adminName}` }).waitFor();

    // An export of the (empty) customer list runs in the background; the page lists it with imports and exports.
    expect((await apiFromPage(page, 'POST', '/exports', { type: 'customers', format: 'csv' })).status).toBe(201);
    await menuItem(page, '后台任务').click();
    await page.getByRole('heading', { name: '后台任务', exact: true }).waitFor();
    const transfers = page.locator('.ant-card').filter({ hasText: '导入与导出' });
    const exportRow = transfers.locator('.ant-table-row').filter({ hasText: '导出' }).filter({ hasText: '周建国' });
    await exportRow.getByRole('link', { name: '下载' }).waitFor({ timeout: 20_000 });
    await exportRow.getByText('已处理 0 行').waitFor();
    await transfers.screenshot({ path: join(SCREENSHOT_DIR, 'zh-jobs-transfers.png') });
    // The public-pool sweep runs when the server starts.
    const periodic = page.locator('.ant-card').filter({ hasText: '定时任务' });
    await periodic.locator('.ant-table-row').filter({ hasText: '公海回收与提醒' }).locator('.ant-tag').filter({ hasText: '成功' }).waitFor();

    // Notification e-mails: nothing is sent without a mail server, and the page says so.
    await page.getByTestId('email-outbox').getByText('尚未配置邮件服务器').waitFor();

    await page.getByRole('button', { name: '运行诊断任务' }).click();
    await page.getByText('诊断任务已排队').waitFor();
    const jobs = page.locator('.ant-card').filter({ hasText: '后台作业' });
    await jobs.locator('.ant-table-row').filter({ hasText: 'system-ping' }).locator('.ant-tag').filter({ hasText: '已完成' }).waitFor({ timeout: 20_000 });
    expect(await jobs.locator('.ant-table-row').first().textContent()).toContain('"worker"');
    await screenshot(page, 'zh-jobs');

    // A job queued for later can be cancelled, then queued again (it then runs).
    const later = await apiFromPage<{ id: string }>(page, 'POST', '/jobs/ping', { delaySeconds: 3600 });
    expect(later.status).toBe(201);
    const chooseState = async (label: string) => {
      await jobs.locator('.ant-select-selector').first().click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).click();
    };
    await chooseState('排队中');
    const row = jobs.locator('.ant-table-row').filter({ hasText: 'system-ping' }).first();
    await row.getByRole('button', { name: '取消' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await page.getByText('任务已取消').waitFor();
    await jobs.getByText('暂无后台作业').waitFor();
    await chooseState('已取消');
    await jobs.locator('.ant-table-row').first().getByRole('button', { name: '重试' }).click();
    await page.getByText('已重新排队').waitFor();
    await chooseState('已完成');
    await jobs.locator('.ant-table-row').filter({ hasText: 'system-ping' }).nth(1).waitFor({ timeout: 20_000 });
    expect((await apiFromPage<{ state: string }>(page, 'GET', `/jobs/${later.body.id}`)).body.state).toBe('completed');
    await chooseState('失败');
    await jobs.getByText('暂无后台作业').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows the page in English', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);
    await login(page, admin.email, admin.password);
    await page.getByRole('heading', { name: `你好，${admin.adminName}` }).waitFor();
    await page.evaluate(() => localStorage.setItem('guanxi.locale', 'en'));
    await apiFromPage(page, 'PATCH', '/auth/me', { locale: 'en' });
    await page.goto('/settings/jobs');
    await page.getByRole('heading', { name: 'Background jobs', exact: true }).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: 'Public pool returns and warnings' }).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: 'system-ping' }).first().waitFor();
    await page.locator('.ant-card').filter({ hasText: 'Imports and exports' }).locator('.ant-table-row').filter({ hasText: 'Export' }).getByText('0 rows processed').waitFor();
    await screenshot(page, 'en-jobs');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN, apiFromPage, fieldError, fill, formItem, login, menuItem, signUpInUi, signupBody, signupViaApi, type Account } from '../fixtures/app';
import { launchBrowser, newSession } from '../fixtures/browser';
import { startTestServer, type TestServer } from '../fixtures/server';

const account: Account = {
  companyName: '深圳星河电子有限公司',
  industry: 'Manufacturing',
  staffSize: '21–100 people',
  adminName: 'Li Ming',
  email: 'li.ming@xinghe.example.com',
  mobile: '13700002222',
  password: 'Xinghe2024',
};

describe('English interface', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    await signupViaApi(server.url, signupBody(account));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('switches to English and shows labels and server errors in English', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);
    await page.goto('/login');
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await formItem(page, 'Email').count()).toBe(1);
    expect(await formItem(page, 'Password').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // The server answers in the UI language (Accept-Language: en).
    await login(page, account.email, 'Wrong-password1', EN);
    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect' }).waitFor();

    await page.getByRole('link', { name: 'Sign up free' }).click();
    await page.getByRole('heading', { name: 'Create a company account' }).waitFor();
    await signUpInUi(page, { ...account, mobile: '123' }, EN);
    await fieldError(page, 'Mobile').waitFor();
    expect(await fieldError(page, 'Mobile').textContent()).toBe(
      'Mobile must be an 11-digit mainland China mobile number (e.g. 13812345678)',
    );
    await fill(page, 'Mobile', account.mobile);
    await page.getByRole('button', { name: EN.signupSubmit }).click();
    await fieldError(page, 'Email').waitFor();
    expect(await fieldError(page, 'Email').textContent()).toBe('Email is already used by another account');

    // Signed in, the choice sticks (also across a reload) and the menu is English.
    await login(page, account.email, account.password, EN);
    await page.getByRole('heading', { name: `Hello, ${account.adminName}` }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: `Hello, ${account.adminName}` }).waitFor();
    for (const label of ['Departments', 'Users', 'Roles & permissions', 'API tokens', 'Audit log']) {
      expect(await menuItem(page, label).count()).toBe(1);
    }

    // A business-rule error from the server, in English: the head office still has members.
    await menuItem(page, 'Departments').click();
    await page.getByRole('heading', { name: 'Departments', exact: true }).waitFor();
    await page.locator('.ant-card-extra').getByRole('button', { name: 'Delete' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
    await page
      .locator('.ant-notification-notice')
      .filter({ hasText: 'The department still has members or sub-departments and cannot be deleted' })
      .waitFor();

    // Switching in the header saves the language to the profile.
    await page.getByRole('button', { name: 'Switch language' }).click();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await menuItem(page, '部门').waitFor();
    expect((await saved).status()).toBe(200);
    const me = await apiFromPage<{ user: { locale: string } }>(page, 'GET', '/auth/me');
    expect(me.body.user.locale).toBe('zh-CN');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

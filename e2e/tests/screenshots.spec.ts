import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, fill, login, menuItem, signupBody, signupViaApi, type Account } from '../fixtures/app';
import { launchBrowser, newSession, screenshot } from '../fixtures/browser';
import { seedCustomers } from '../fixtures/customers';
import { startTestServer, type TestServer } from '../fixtures/server';

const admin: Account = {
  companyName: '杭州云栖智能制造有限公司',
  industry: '制造业',
  staffSize: '101–500 人',
  adminName: '陈静',
  email: 'chen.jing@yunqi.example.com',
  mobile: '13957112345',
  password: 'Yunqi2024',
};

const salesManager: Account = {
  companyName: '上海华星科技有限公司',
  industry: '信息传输、软件和信息技术服务业',
  staffSize: '21–100 人',
  adminName: '王经理',
  email: 'wang@huaxing-crm.example.com',
  mobile: '13812340000',
  password: 'Huaxing2024',
};

type Id = { id: string };

/** A small, realistic organisation so the pages have something to show. */
async function seedOrganisation(page: Page): Promise<void> {
  const roles = (await apiFromPage<{ items: Array<Id & { code: string | null }> }>(page, 'GET', '/roles')).body.items;
  const role = (code: string) => roles.find((r) => r.code === code)!.id;
  const depts = (await apiFromPage<{ items: Array<Id & { parentId: string | null }> }>(page, 'GET', '/departments')).body.items;
  const root = depts.find((d) => !d.parentId)!.id;
  const dept = async (name: string, parentId: string, sort: number) =>
    (await apiFromPage<Id>(page, 'POST', '/departments', { name, parentId, sort })).body.id;
  const salesDept = await dept('销售部', root, 1);
  const east = await dept('华东大区', salesDept, 1);
  const south = await dept('华南大区', salesDept, 2);
  const marketing = await dept('市场部', root, 2);
  const service = await dept('客服部', root, 3);
  const it = await dept('IT部', root, 4);
  const user = async (name: string, email: string, mobile: string, departmentId: string, code: string, superiorId?: string) =>
    (await apiFromPage<Id>(page, 'POST', '/users', { name, email, mobile, password: 'Passw0rd2024', departmentId, roleId: role(code), superiorId })).body.id;
  const manager = await user('赵强', 'zhao.qiang@yunqi.example.com', '13800138001', salesDept, 'manager');
  await user('李娜', 'li.na@yunqi.example.com', '13800138002', east, 'sales', manager);
  await user('王磊', 'wang.lei@yunqi.example.com', '13800138003', east, 'sales', manager);
  await user('刘洋', 'liu.yang@yunqi.example.com', '13800138004', south, 'sales', manager);
  await user('孙悦', 'sun.yue@yunqi.example.com', '13800138005', marketing, 'marketing');
  await user('周敏', 'zhou.min@yunqi.example.com', '13800138006', service, 'service');
  const it1 = await user('吴昊', 'wu.hao@yunqi.example.com', '13800138007', it, 'admin');
  const users = (await apiFromPage<{ items: Array<Id & { version: number; name: string }> }>(page, 'GET', '/users?pageSize=50')).body.items;
  const wu = users.find((u) => u.id === it1)!;
  await apiFromPage(page, 'PATCH', `/users/${wu.id}`, { version: wu.version, active: false });
  const sales = (await apiFromPage<{ items: Array<Id & { version: number; code: string | null }> }>(page, 'GET', '/roles')).body.items.find((r) => r.code === 'sales')!;
  await apiFromPage(page, 'PATCH', `/roles/${sales.id}`, { version: sales.version, viewSensitive: false });
  await apiFromPage(page, 'POST', '/tokens', { name: 'ERP 订单同步' });
}

type Labels = Record<'users' | 'roles' | 'departments' | 'tokens' | 'audit' | 'salesRole' | 'newUser' | 'home' | 'createToken' | 'tokenName' | 'tokenSaved', string>;

async function shootApp(page: Page, prefix: 'zh' | 'en', labels: Labels) {
  await menuItem(page, labels.home).click();
  await page.locator('.gx-step-icon').first().waitFor();
  await screenshot(page, `${prefix}-home`);

  await menuItem(page, labels.users).click();
  await page.locator('.ant-table-row').nth(5).waitFor();
  await screenshot(page, `${prefix}-users`);
  await page.getByRole('button', { name: labels.newUser }).click();
  await page.locator('.ant-drawer-content').waitFor();
  await screenshot(page, `${prefix}-user-drawer`);
  await page.keyboard.press('Escape');

  await menuItem(page, labels.roles).click();
  await page.locator('.gx-role-item').filter({ hasText: labels.salesRole }).first().click();
  await page.locator('.gx-matrix').waitFor();
  await screenshot(page, `${prefix}-roles`);

  await menuItem(page, labels.departments).click();
  await page.locator('.ant-tree-treenode').nth(3).waitFor();
  await screenshot(page, `${prefix}-departments`);

  await menuItem(page, labels.tokens).click();
  await page.locator('.ant-table-row').first().waitFor();
  await screenshot(page, `${prefix}-tokens`);
  await page.getByRole('button', { name: labels.createToken }).click();
  await fill(page.getByRole('dialog'), labels.tokenName, prefix === 'zh' ? '官网表单对接' : 'Website forms');
  await page.getByRole('dialog').locator('button[type="submit"]').click();
  await page.getByTestId('token-secret').waitFor();
  expect(await page.getByTestId('token-secret').textContent()).toMatch(/^gx_\w+_[\w-]+$/);
  await screenshot(page, `${prefix}-token-secret`);
  await page.getByRole('button', { name: labels.tokenSaved }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });

  await menuItem(page, labels.audit).click();
  await page.locator('.ant-table-row').first().waitFor();
  await screenshot(page, `${prefix}-audit`);
}

type CustomerLabels = Record<'newCustomer' | 'name' | 'mobile' | 'advanced', string>;

/** The customer pages a rep lives in: list, form with a duplicate warning, 360 timeline, pool and a settings page. */
async function shootCustomers(page: Page, prefix: 'zh' | 'en', mainId: string, labels: CustomerLabels) {
  const tagFilter = encodeURIComponent(JSON.stringify({ and: [{ field: 'tags', op: 'hasAll', value: ['制造业'] }, { not: { field: 'tags', op: 'hasAny', value: ['流失'] } }] }));
  await page.goto('/customers');
  await page.locator('.ant-table-row').nth(9).waitFor();
  await page.locator('[data-testid="pool-days"]').first().waitFor();
  await screenshot(page, `${prefix}-customers`);

  await page.getByRole('button', { name: labels.newCustomer }).first().click();
  const drawer = page.locator('.ant-drawer-open .ant-drawer-content');
  await fill(drawer, labels.name, '华星科技');
  await fill(drawer, labels.mobile, '138 1234 5678');
  await drawer.getByTestId('duplicate-alert').waitFor();
  await screenshot(page, `${prefix}-customer-form-duplicate`);
  await page.keyboard.press('Escape');

  await page.goto(`/customers?filter=${tagFilter}`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByRole('button', { name: labels.advanced }).click();
  await page.getByTestId('condition-rule').nth(1).waitFor();
  await screenshot(page, `${prefix}-customer-filter`);
  await page.keyboard.press('Escape');

  await page.goto(`/customers/${mainId}?tab=timeline`);
  await page.getByTestId('timeline-event').nth(4).waitFor();
  await page.getByTestId('completeness').locator('.ant-tag').first().waitFor();
  await screenshot(page, `${prefix}-customer-360`);

  await page.goto('/pools');
  await page.locator('.ant-table-row').nth(3).waitFor();
  await screenshot(page, `${prefix}-pool`);

  await page.goto('/settings/dictionaries/source');
  await page.locator('.ant-table-row').nth(5).waitFor();
  await screenshot(page, `${prefix}-dictionaries`);
}

describe('screenshots for review (1440×900, e2e/screenshots/)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('captures the main pages in Chinese and in English', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);
    await page.goto('/signup');
    await page.getByRole('heading', { name: '注册企业账号' }).waitFor();
    await screenshot(page, 'zh-signup');
    await page.getByRole('button', { name: '注册并进入系统' }).click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await screenshot(page, 'zh-signup-errors');

    await signupViaApi(server.url, signupBody(admin));
    await login(page, admin.email, admin.password);
    await page.getByRole('heading', { name: `你好，${admin.adminName}` }).waitFor();
    await seedOrganisation(page);
    await shootApp(page, 'zh', {
      home: '开始使用', users: '用户', roles: '角色与权限', departments: '部门', tokens: 'API 令牌', audit: '审计日志',
      salesRole: '销售', newUser: '新建用户', createToken: '创建令牌', tokenName: '令牌名称', tokenSaved: '我已保存',
    });
    await page.goto('/profile');
    await page.getByRole('heading', { name: '个人资料' }).waitFor();
    await screenshot(page, 'zh-profile');

    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    await shootApp(page, 'en', {
      home: 'Get started', users: 'Users', roles: 'Roles & permissions', departments: 'Departments', tokens: 'API tokens',
      audit: 'Audit log', salesRole: 'Sales', newUser: 'New user', createToken: 'Create token', tokenName: 'Token name',
      tokenSaved: 'I have saved it',
    });
    await page.goto('/profile');
    await screenshot(page, 'en-profile');

    const other = await newSession(browser, server.url);
    await other.page.goto('/signup');
    await other.page.getByRole('button', { name: '切换语言' }).click();
    await other.page.getByRole('menuitem', { name: 'English' }).click();
    await other.page.getByRole('heading', { name: 'Create a company account' }).waitFor();
    await screenshot(other.page, 'en-signup');
    await other.page.goto('/login');
    await screenshot(other.page, 'en-login');

    expect([...pageErrors, ...other.pageErrors]).toEqual([]);
    await other.context.close();
    await context.close();
  });

  it('captures the customer pages in Chinese and in English', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);
    await signupViaApi(server.url, signupBody(salesManager, '信息传输、软件和信息技术服务业', '21-100'));
    await login(page, salesManager.email, salesManager.password);
    await page.getByRole('heading', { name: `你好，${salesManager.adminName}` }).waitFor();
    const { mainId } = await seedCustomers(page, { name: '李娜', email: 'li.na@huaxing-crm.example.com' });

    await shootCustomers(page, 'zh', mainId, { newCustomer: '新建客户', name: '客户名称', mobile: '手机号', advanced: '高级筛选' });
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await shootCustomers(page, 'en', mainId, { newCustomer: 'New customer', name: 'Customer name', mobile: 'Mobile', advanced: 'Advanced filter' });

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

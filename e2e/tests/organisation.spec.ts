import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, choose, chooseTreeNode, fill, formItem, login, logout, menuItem, signUpInUi, type Account } from '../fixtures/app';
import { launchBrowser, newSession, screenshot } from '../fixtures/browser';
import { startTestServer, type TestServer } from '../fixtures/server';

const admin: Account = {
  companyName: '上海华星科技有限公司',
  industry: '信息传输、软件和信息技术服务业',
  staffSize: '21–100 人',
  adminName: '王经理',
  email: 'wang@huaxing.example.com',
  mobile: '13812345678',
  password: 'Huaxing2024',
};
const sales = { name: '李销售', email: 'li@huaxing.example.com', mobile: '13987654321', password: 'Sales2024go' };

describe('enterprise account, organisation and permissions (中文界面)', () => {
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

  it('signs up, builds a department with a sales user, and the sales user is refused what the role forbids', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);

    // A first visit lands on the login page, which leads to sign-up.
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('link', { name: '免费注册' }).click();
    await page.getByRole('heading', { name: '注册企业账号' }).waitFor();
    await signUpInUi(page, admin);
    await page.getByRole('heading', { name: `你好，${admin.adminName}` }).waitFor();
    expect(await page.getByTestId('company-name').textContent()).toBe(admin.companyName);

    await logout(page, admin.adminName);
    await login(page, admin.email, admin.password);
    await page.getByRole('heading', { name: `你好，${admin.adminName}` }).waitFor();

    // 部门: a new department under the head office.
    await menuItem(page, '部门').click();
    await page.getByRole('heading', { name: '部门', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建部门' }).click();
    const deptModal = page.getByRole('dialog', { name: '新建部门' });
    await fill(deptModal, '部门名称', '销售部');
    await deptModal.getByRole('button', { name: '保存' }).click();
    await deptModal.waitFor({ state: 'hidden' });
    await page.locator('.ant-tree-treenode').filter({ hasText: '销售部' }).waitFor();
    await page.locator('.ant-card-head-title').getByText('销售部', { exact: true }).waitFor();

    // 用户: a sales rep in that department.
    await menuItem(page, '用户').click();
    await page.getByRole('heading', { name: '用户', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const drawer = page.locator('.ant-drawer-content').filter({ hasText: '新建用户' });
    await fill(drawer, '姓名', sales.name);
    await fill(drawer, '邮箱', sales.email);
    await fill(drawer, '手机号', sales.mobile);
    await fill(drawer, '初始密码', sales.password);
    await chooseTreeNode(page, drawer, '所属部门', '销售部');
    await choose(page, drawer, '角色', '销售');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row').filter({ hasText: sales.name });
    await row.waitFor();
    expect(await row.textContent()).toContain('销售部');
    expect(await row.locator('.ant-tag').first().textContent()).toBe('销售');

    await logout(page, admin.adminName);

    // The sales rep: no roles page in the menu, a 403 page at its URL, and a 403 from the API.
    await login(page, sales.email, sales.password);
    await page.getByRole('heading', { name: `你好，${sales.name}` }).waitFor();
    expect(await menuItem(page, '用户').count()).toBe(1);
    expect(await menuItem(page, '部门').count()).toBe(1);
    expect(await menuItem(page, '角色与权限').count()).toBe(0);
    expect(await menuItem(page, '审计日志').count()).toBe(0);

    await page.goto('/settings/roles');
    await page.getByText('你的角色没有访问此页面的权限。如需开通，请联系管理员。').waitFor();
    expect(await page.locator('.ant-result-403').count()).toBe(1);
    await screenshot(page, 'zh-sales-forbidden');
    await page.goto('/settings/audit');
    await page.locator('.ant-result-403').waitFor();

    const roles = await apiFromPage<{ error: { code: string; message: string } }>(page, 'GET', '/roles');
    expect(roles.status).toBe(403);
    expect(roles.body.error).toMatchObject({ code: 'FORBIDDEN', message: '没有执行此操作的权限' });
    const createUser = await apiFromPage(page, 'POST', '/users', { name: 'x', email: 'x@example.com', mobile: '13800000000', password: 'abc12345', roleId: 'r' });
    expect(createUser.status).toBe(403);

    // Read-only rights show the page but not the buttons.
    await menuItem(page, '用户').click();
    await page.getByRole('heading', { name: '用户', exact: true }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
    await screenshot(page, 'zh-sales-users');
    await menuItem(page, '部门').click();
    await page.locator('.ant-tree-treenode').filter({ hasText: '销售部' }).waitFor();
    expect(await page.getByRole('button', { name: '新建部门' }).count()).toBe(0);
    expect(await formItem(page, '部门名称').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

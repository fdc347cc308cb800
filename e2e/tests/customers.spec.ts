import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, choose, chooseTreeNode, fill, formItem, login, logout, menuItem, signupBody, signupViaApi, type Account } from '../fixtures/app';
import { launchBrowser, newSession } from '../fixtures/browser';
import { startTestServer, type TestServer } from '../fixtures/server';

const admin: Account = {
  companyName: '苏州东方精工机械有限公司',
  industry: '制造业',
  staffSize: '101–500 人',
  adminName: '周总',
  email: 'zhou@dongfang.example.com',
  mobile: '13900001111',
  password: 'Dongfang2024',
};
const PASSWORD = 'Sales2024go';
const repA = { name: '李华东', email: 'li@dongfang.example.com', mobile: '13900002222', dept: '华东组', role: '销售' };
const colleague = { name: '王同组', email: 'wang@dongfang.example.com', mobile: '13900003333', dept: '华东组', role: '销售' };
const repB = { name: '陈华南', email: 'chen@dongfang.example.com', mobile: '13900004444', dept: '华南组', role: '销售' };
const manager = { name: '赵经理', email: 'zhao@dongfang.example.com', mobile: '13900005555', dept: '销售部', role: '部门经理' };
const CUSTOMER = '华星科技有限公司';

const openDrawer = (page: Page) => page.locator('.ant-drawer-open .ant-drawer-content');
const row = (page: Page, text: string) => page.locator('.ant-table-row').filter({ hasText: text });
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();

/** Types into a tags-mode select and confirms each value with Enter. */
async function typeTags(select: Locator, tags: string[]): Promise<void> {
  await select.locator('.ant-select-selector').click();
  for (const tag of tags) {
    await select.locator('input').fill(tag);
    await select.locator('input').press('Enter');
  }
  await select.locator('input').blur();
  await select.page().waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
}

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByPlaceholder('搜索名称 / 拼音 / 首字母 / 编号 / 手机后四位');
  await box.fill(text);
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === text);
}

async function createDepartment(page: Page, name: string, parent?: string): Promise<void> {
  await page.getByRole('button', { name: '新建部门' }).click();
  const modal = page.getByRole('dialog', { name: '新建部门' });
  await fill(modal, '部门名称', name);
  if (parent) await chooseTreeNode(page, modal, '上级部门', parent);
  await modal.getByRole('button', { name: '保存' }).click();
  await modal.waitFor({ state: 'hidden' });
  await page.locator('.ant-tree-treenode').filter({ hasText: name }).waitFor();
}

type Person = typeof repA;

/**
 * Users through the API from the admin's session: adding users in the UI is covered by organisation.spec.ts, and
 * four more drawers would double this test's time on a small machine.
 */
async function createUsers(page: Page, people: Person[]): Promise<void> {
  const roles = (await apiFromPage<{ items: Array<{ id: string; code: string | null }> }>(page, 'GET', '/roles')).body.items;
  const depts = (await apiFromPage<{ items: Array<{ id: string; name: string }> }>(page, 'GET', '/departments')).body.items;
  const roleCode: Record<string, string> = { 销售: 'sales', 部门经理: 'manager' };
  for (const u of people) {
    const body = {
      name: u.name, email: u.email, mobile: u.mobile, password: PASSWORD,
      departmentId: depts.find((d) => d.name === u.dept)!.id, roleId: roles.find((r) => r.code === roleCode[u.role])!.id,
    };
    const res = await apiFromPage(page, 'POST', '/users', body);
    expect(res.status).toBe(201);
  }
}

describe('customers: create, duplicates, search, tags, filters, transfer and data scope (中文界面)', () => {
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

  it('a rep works a customer that only their side of the organisation sees', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);

    // The admin sets up 销售部 with 华东组 and 华南组, two reps in 华东组, one in 华南组 and the department's manager.
    await login(page, admin.email, admin.password);
    await menuItem(page, '部门').click();
    await page.getByRole('button', { name: '新建部门' }).waitFor();
    await createDepartment(page, '销售部');
    await createDepartment(page, '华东组', '销售部');
    await createDepartment(page, '华南组', '销售部');
    await createUsers(page, [repA, colleague, repB, manager]);
    await menuItem(page, '用户').click();
    await row(page, manager.name).waitFor();
    expect(await row(page, repA.name).textContent()).toContain('华东组');
    await logout(page, admin.adminName);

    // Rep A creates 华星科技有限公司 with its first contact.
    await login(page, repA.email, PASSWORD);
    await menuItem(page, '客户').click();
    await page.getByText('还没有客户，先新建第一个客户吧').waitFor();
    await page.getByRole('button', { name: '新建客户' }).first().click();
    let drawer = openDrawer(page);
    await fill(drawer, '客户名称', CUSTOMER);
    await choose(page, drawer, '所属行业', '制造业');
    await choose(page, drawer, '客户来源', '展会推广');
    await fill(drawer, '联系人姓名', '张伟');
    await fill(drawer, '手机号', '13812345678');
    await fill(drawer, '邮箱', 'zhang.wei@huaxing.example.com');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: CUSTOMER }).waitFor();
    const customerUrl = new URL(page.url()).pathname;
    expect(customerUrl).toMatch(/^\/customers\/[\w-]+$/);
    expect(await page.locator('.gx-customer-header').textContent()).toContain('138 1234 5678');

    // A second customer with the same mobile: the warning shows while typing, and saving asks before creating.
    await menuItem(page, '客户').click();
    await row(page, CUSTOMER).waitFor();
    await page.getByRole('button', { name: '新建客户' }).first().click();
    drawer = openDrawer(page);
    await fill(drawer, '客户名称', '华星智能装备有限公司');
    await choose(page, drawer, '所属行业', '制造业');
    await choose(page, drawer, '客户来源', '客户转介绍');
    await fill(drawer, '联系人姓名', '张伟');
    await fill(drawer, '手机号', '+86 138-1234-5678');
    const warning = drawer.getByTestId('duplicate-alert');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('发现 1 个可能重复的客户');
    expect(await warning.getByRole('link', { name: CUSTOMER }).count()).toBe(1);
    expect(await warning.textContent()).toContain('手机号相同');
    await drawer.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByRole('dialog', { name: '疑似重复客户' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(CUSTOMER);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await drawer.getByRole('button', { name: '取消' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // Found by pinyin initials and by the last four digits of the contact's mobile.
    await search(page, 'hxkj');
    await row(page, CUSTOMER).waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    await search(page, '5678');
    await row(page, CUSTOMER).waitFor();

    // Tags through the bulk action: select the row, 打标签 制造业 + 重点跟进.
    await row(page, CUSTOMER).locator('.ant-checkbox-input').check();
    await page.getByTestId('bulk-bar').getByRole('button', { name: '打标签' }).click();
    const tagDialog = page.getByRole('dialog', { name: '为 1 个客户打标签' });
    await typeTags(formItem(tagDialog, '标签'), ['制造业', '重点跟进']);
    await tagDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await tagDialog.waitFor({ state: 'hidden' });
    await row(page, CUSTOMER).getByText('重点跟进').waitFor();

    // A tag combination in the advanced filter: 制造业 AND NOT 流失; the filter lives in the URL.
    await page.getByPlaceholder('搜索名称 / 拼音 / 首字母 / 编号 / 手机后四位').fill('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.getByRole('button', { name: '高级筛选' }).click();
    const filter = openDrawer(page);
    await filter.getByText('添加条件', { exact: true }).click();
    await filter.getByText('添加条件', { exact: true }).click();
    const [first, second] = [filter.getByTestId('condition-rule').nth(0), filter.getByTestId('condition-rule').nth(1)];
    await first.locator('.ant-select').nth(1).click();
    await dropdown(page).getByText('包含全部', { exact: true }).click();
    await typeTags(first.locator('.ant-select').nth(2), ['制造业']);
    await second.locator('.ant-select').nth(1).click();
    await dropdown(page).getByText('不包含', { exact: true }).click();
    await typeTags(second.locator('.ant-select').nth(2), ['流失']);
    await filter.getByRole('button', { name: '应用筛选' }).click();
    await page.waitForURL((url) => url.searchParams.has('filter'));
    expect(JSON.parse(new URL(page.url()).searchParams.get('filter')!)).toEqual({
      and: [
        { field: 'tags', op: 'hasAll', value: ['制造业'] },
        { field: 'tags', op: 'hasNone', value: ['流失'] },
      ],
    });
    await row(page, CUSTOMER).waitFor();
    await page.reload();
    await row(page, CUSTOMER).waitFor();
    const advancedBadge = page.locator('.ant-badge').filter({ has: page.getByRole('button', { name: '高级筛选' }) });
    expect(await advancedBadge.locator('.ant-badge-count').getAttribute('title')).toBe('2');
    // Rep A hands it to a colleague in 华东组, picked from the colleague directory (outside rep A's 本人 scope).
    await row(page, CUSTOMER).getByRole('link', { name: CUSTOMER }).click();
    await page.getByRole('heading', { name: CUSTOMER }).waitFor();
    await page.locator('.gx-customer-header').getByRole('button', { name: '转移' }).click();
    const transfer = page.getByRole('dialog', { name: `转移客户「${CUSTOMER}」` });
    await formItem(transfer, '新负责人').locator('.ant-select-selector').click();
    await formItem(transfer, '新负责人').locator('input').fill(colleague.name);
    const option = dropdown(page).locator('.ant-select-item-option').filter({ hasText: colleague.name });
    expect(await option.textContent()).toContain('华东组');
    await option.click();
    await fill(transfer, '转移原因', '华东组内调整');
    await transfer.locator('button[type="submit"]').click();
    await transfer.waitFor({ state: 'hidden' });
    // Out of rep A's scope now: the page says so instead of showing a stale record.
    await page.getByText(`已转移给 ${colleague.name}`).waitFor();
    await page.waitForURL((url) => url.pathname === '/customers');
    await logout(page, repA.name);

    // Rep B (华南组) does not see it: search finds nothing, its URL is a 404 page.
    await login(page, repB.email, PASSWORD);
    await menuItem(page, '客户').click();
    await page.getByText('还没有客户，先新建第一个客户吧').waitFor();
    await search(page, 'hxkj');
    await page.getByText('没有符合条件的客户').waitFor();
    await page.goto(customerUrl);
    await page.getByText('客户不存在，或不在你的数据范围内').waitFor();
    expect(await page.locator('.ant-result-404').count()).toBe(1);
    await page.goto('/customers');
    await logout(page, repB.name);

    // Manager M (本部门及下属部门) sees it, now with the colleague as owner, and the transfer on its timeline.
    await login(page, manager.email, PASSWORD);
    await menuItem(page, '客户').click();
    await row(page, CUSTOMER).waitFor();
    expect(await row(page, CUSTOMER).textContent()).toContain(colleague.name);
    await row(page, CUSTOMER).getByRole('link', { name: CUSTOMER }).click();
    await page.getByRole('heading', { name: CUSTOMER }).waitFor();
    await page.getByRole('tab', { name: '时间线' }).click();
    const transferred = page.getByTestId('timeline-event').filter({ hasText: '转移了客户' });
    await transferred.waitFor();
    expect(await transferred.textContent()).toContain('华东组内调整');
    expect(await transferred.textContent()).toContain(repA.name);
    await logout(page, manager.name);

    // The colleague is told: the bell counts it, and the notice leads to the customer.
    await login(page, colleague.email, PASSWORD);
    await page.getByTestId('notification-bell').locator('.ant-badge-count').waitFor();
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notifications').getByText(`${repA.name} 将客户「${CUSTOMER}」转给了你`).click();
    await page.getByRole('heading', { name: CUSTOMER }).waitFor();
    expect(new URL(page.url()).pathname).toBe(customerUrl);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

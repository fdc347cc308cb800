import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, login, menuItem, signupBody, signupViaApi, type Account } from '../fixtures/app';
import { launchBrowser, newSession, screenshot, SCREENSHOT_DIR } from '../fixtures/browser';
import { startTestServer, type TestServer } from '../fixtures/server';

const admin: Account = {
  companyName: '宁波海天贸易有限公司',
  industry: '制造业',
  staffSize: '21–100 人',
  adminName: '孙敏',
  email: 'sun.min@haitian.example.com',
  mobile: '13906661234',
  password: 'Haitian2024',
};

/**
 * The sheet a new team brings, saved by LibreOffice Calc 7.4 (e2e/fixtures/files/README.md): a merged title row,
 * the header in row 3 in Chinese, a mobile typed as a number, dates as an Excel date and as Chinese text, two bad
 * rows and one customer that already exists.
 */
const LIBREOFFICE_SHEET = fileURLToPath(new URL('../fixtures/files/trade-show-customers.libreoffice.xlsx', import.meta.url));

async function messySheet(path: string): Promise<void> {
  await copyFile(LIBREOFFICE_SHEET, path);
}

async function uploadFile(page: Page, path: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByText('字段映射', { exact: true }).waitFor();
}

async function runImport(page: Page): Promise<void> {
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByText('发现重复客户时').waitFor();
  await page.getByRole('button', { name: '开始导入' }).click();
  await page.getByText('导入完成').waitFor({ timeout: 30_000 });
}

const statistic = (page: Page, title: string) =>
  page.locator('.ant-result .ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value').innerText();

describe('import customers from a messy xlsx (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'guanxi-e2e-import-'));
    await signupViaApi(server.url, signupBody(admin));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upload → preview with problems → run → download the error report → fix it → re-import → every row is in', async () => {
    const { context, page, pageErrors } = await newSession(browser, server.url);
    await login(page, admin.email, admin.password);
    await page.getByText('工作台').first().waitFor();
    const existing = await apiFromPage(page, 'POST', '/customers', {
      name: '上海浦江物流有限公司', industry: 'G', source: 'referral', contact: { name: '老周', mobile: '13805749999' },
    });
    expect(existing.status).toBe(201);

    const file = join(dir, '展会客户名单.xlsx');
    await messySheet(file);
    await menuItem(page, '数据导入').click();
    await page.waitForURL('**/imports');
    await page.getByText('点击或拖拽文件到此处上传').waitFor();
    await screenshot(page, 'imports-upload');
    await uploadFile(page, file);

    // The preview: header found under the title row, columns mapped, problems marked on their cells.
    await expect.poll(() => page.getByText('第 3 行为表头', { exact: false }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('bad-cell').count()).toBe(3);
    expect(await page.locator('.ant-tag').filter({ hasText: '与已有客户重复' }).count()).toBe(1);
    expect(await page.locator('.ant-tag').filter({ hasText: '可导入' }).count()).toBe(3);
    await page.getByTestId('bad-cell').first().hover();
    await page.locator('.ant-tooltip').filter({ hasText: '手机号格式不正确' }).waitFor();
    await screenshot(page, 'imports-preview');
    // The preview table itself, with the marked cells (below the mapping editor).
    await page.locator('.ant-table-row').filter({ hasText: '上海浦江物流有限公司' }).last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'imports-preview-rows.png') });

    await page.getByRole('button', { name: '下一步' }).click();
    await screenshot(page, 'imports-policy');
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 30_000 });
    expect(await statistic(page, '新建')).toBe('2');
    expect(await statistic(page, '跳过')).toBe('1');
    expect(await statistic(page, '失败')).toBe('2');
    await screenshot(page, 'imports-result');

    // The error report: the two failed rows as they were, with the reasons.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载错误报告' }).click()]);
    const reportPath = join(dir, download.suggestedFilename());
    await download.saveAs(reportPath);
    expect(download.suggestedFilename()).toBe('展会客户名单-错误报告.xlsx');
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(reportPath);
    const sheet = report.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const reasons = [sheet.getRow(2).getCell(9).text, sheet.getRow(3).getCell(9).text].join('\n');
    expect(reasons).toContain('手机号格式不正确');
    expect(reasons).toContain('邮箱格式不正确');
    expect(reasons).toContain('所属行业的取值不在字典中：纺织');

    // Fix the two rows in the report itself and import it again.
    sheet.getRow(2).getCell(5).value = '13805741003';
    sheet.getRow(2).getCell(6).value = 'huang@oujiang.example.com';
    sheet.getRow(3).getCell(2).value = '制造业';
    const fixed = join(dir, '错误报告-已修改.xlsx');
    await report.xlsx.writeFile(fixed);
    await page.getByRole('button', { name: '继续导入' }).click();
    await uploadFile(page, fixed);
    expect(await page.getByTestId('bad-cell').count()).toBe(0);
    await runImport(page);
    expect(await statistic(page, '新建')).toBe('2');
    expect(await statistic(page, '失败')).toBe('0');

    // Every row of the original file is now in (the duplicate once).
    const list = await apiFromPage<{ items: Array<{ name: string; primaryContact: { mobile: string } }> }>(page, 'GET', '/customers?pageSize=50');
    const names = list.body.items.map((c) => c.name).sort();
    expect(names).toEqual(['上海浦江物流有限公司', '宁波明州机械有限公司', '杭州西湖电子科技有限公司', '温州瓯江鞋业有限公司', '绍兴越城纺织有限公司'].sort());
    expect(list.body.items.find((c) => c.name === '宁波明州机械有限公司')!.primaryContact.mobile).toBe('13805741001');

    await page.getByRole('tab', { name: '导入记录' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(2);
    await screenshot(page, 'imports-history');

    // Export the customer list as filtered.
    await menuItem(page, '客户').click();
    await page.waitForURL('**/customers');
    await page.getByRole('button', { name: '导出' }).click();
    await page.getByText('导出为 Excel（.xlsx）').click();
    await page.getByTestId('export-status').filter({ hasText: '文件已生成，共 5 行' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'exports-dialog');
    await page.getByRole('button', { name: '关闭' }).click();

    // The data-quality centre finds a duplicate entered by hand and merges it.
    const dup = await apiFromPage(page, 'POST', '/customers', {
      name: '宁波明州机械（有限公司）', industry: 'C', source: 'referral', contact: { name: '陈刚', mobile: '13805741001' }, allowDuplicate: true,
    });
    expect(dup.status).toBe(201);
    await menuItem(page, '数据质量').click();
    await page.waitForURL('**/data-quality');
    await page.getByRole('button', { name: '重新检查' }).click();
    await page.getByText('上次检查', { exact: false }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '合并到第一条' }).first().waitFor();
    await screenshot(page, 'data-quality');
    await page.getByRole('button', { name: '合并到第一条' }).first().click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await page.locator('.ant-tag').filter({ hasText: '已处理' }).first().waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('imports follow-up records of existing customers: the unknown customer is marked, the records reach the customer', async () => {
    const { context, page, pageErrors } = await newSession(browser, server.url);
    await login(page, admin.email, admin.password);
    await page.getByText('工作台').first().waitFor();
    const customer = await apiFromPage<{ id: string }>(page, 'POST', '/customers', {
      name: '苏州金港冷链物流有限公司', industry: 'G', source: 'referral', contact: { name: '陈经理', mobile: '13806120001' },
    });
    expect(customer.status).toBe(201);
    const file = join(dir, '历史跟进记录.csv');
    writeFileSync(file, [
      '客户名称,跟进时间,跟进方式,跟进内容,客户反馈',
      '苏州金港冷链物流有限公司,2026/11/20 14:30,电话,确认了年度运输合同的报价,有意向',
      '不存在的物流公司,2026-11-21,上门拜访,上门拜访，介绍冷链方案,',
      '',
    ].join('\n'));
    await menuItem(page, '数据导入').click();
    await page.waitForURL('**/imports');
    await page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '导入内容' }) }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '跟进记录' }).click();
    await page.getByText('每行一条跟进记录').waitFor();
    await uploadFile(page, file);
    await expect.poll(() => page.getByTestId('bad-cell').count()).toBe(1);
    await page.getByTestId('bad-cell').first().hover();
    await page.locator('.ant-tooltip').filter({ hasText: '找不到客户名称为“不存在的物流公司”的客户' }).waitFor();
    await screenshot(page, 'imports-followups-preview');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('发现重复跟进记录时').waitFor();
    expect(await page.locator('.ant-radio-wrapper').count()).toBe(2);
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 30_000 });
    expect(await statistic(page, '新建')).toBe('1');
    expect(await statistic(page, '失败')).toBe('1');

    const followups = await apiFromPage<{ items: Array<{ content: string; method: string; feedback: string }> }>(page, 'GET', `/followups?customerId=${customer.body.id}`);
    expect(followups.body.items).toEqual([expect.objectContaining({ content: '确认了年度运输合同的报价', method: 'phone', feedback: 'interested' })]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a large import shows its progress (rows, rate, time left) and can be cancelled; what was committed stays', async () => {
    const { context, page, pageErrors } = await newSession(browser, server.url);
    await login(page, admin.email, admin.password);
    await page.getByText('工作台').first().waitFor();
    const lines = ['客户名称,所属行业,客户来源,联系人,手机'];
    for (let i = 1; i <= 100000; i++) lines.push(`进度测试客户${i}有限公司,制造业,展会推广,联系人${i},139${String(10000000 + i).slice(-8)}`);
    const file = join(dir, '大批量客户.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await page.goto('/imports');
    await uploadFile(page, file);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByTestId('import-progress').filter({ hasText: '行/秒' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('import-progress').filter({ hasText: '预计剩余' }).waitFor();
    await screenshot(page, 'imports-progress');
    await page.getByRole('button', { name: '中止导入' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await page.getByText('导入已中止').waitFor({ timeout: 30_000 });
    const history = await apiFromPage<{ items: Array<{ status: string; processed: number; created: number; total: number }> }>(page, 'GET', '/imports');
    const job = history.body.items[0]!;
    expect(job.status).toBe('cancelled');
    expect(job.processed).toBeLessThan(job.total);
    // Give a batch that was in flight time to roll back, then compare with the database.
    await page.waitForTimeout(1500);
    const list = await apiFromPage<{ total: number; totalCapped: boolean }>(page, 'GET', `/customers?q=${encodeURIComponent('进度测试客户')}&pageSize=1&page=${Math.max(1, job.created)}`);
    expect(list.body.total).toBe(job.created);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

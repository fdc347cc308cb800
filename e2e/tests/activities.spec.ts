import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../server/src/lib/clock';
import { apiFromPage, fill, formItem, login, logout, menuItem, signupBody, signupViaApi, type Account } from '../fixtures/app';
import { launchBrowser, newSession, screenshot } from '../fixtures/browser';
import { startTestServer, type TestServer } from '../fixtures/server';

const admin: Account = {
  companyName: '宁波海天精密机械有限公司',
  industry: '制造业',
  staffSize: '101–500 人',
  adminName: '郑总',
  email: 'zheng@haitian.example.com',
  mobile: '13900006666',
  password: 'Haitian2024',
};
const rep = { name: '林晓', email: 'lin.xiao@haitian.example.com', mobile: '13900007777', password: 'Sales2024go' };
const CUSTOMER = '杭州西子电梯有限公司';

/** Tomorrow in Beijing as YYYY-MM-DD (the browser runs in Asia/Shanghai). */
function tomorrowInBeijing(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
}

const row = (page: Page, text: string) => page.locator('.ant-table-row').filter({ hasText: text });

describe('follow-ups, tasks and reminders (中文界面)', () => {
  let server: TestServer;
  let browser: Browser;
  const clock = manualClock(new Date());

  beforeAll(async () => {
    server = await startTestServer({ clock });
    browser = await launchBrowser();
    await signupViaApi(server.url, signupBody(admin));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a rep logs a follow-up with a next follow-up time tomorrow, is reminded when due, completes the task, and the timeline shows both', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);
    await login(page, admin.email, admin.password);
    await menuItem(page, '客户').waitFor();
    const roles = (await apiFromPage<{ items: Array<{ id: string; code: string | null }> }>(page, 'GET', '/roles')).body.items;
    const created = await apiFromPage(page, 'POST', '/users', { ...rep, roleId: roles.find((r) => r.code === 'sales')!.id });
    expect(created.status).toBe(201);
    await logout(page, admin.adminName);

    await login(page, rep.email, rep.password);
    await menuItem(page, '任务').waitFor();
    const customer = await apiFromPage<{ id: string }>(page, 'POST', '/customers', {
      name: CUSTOMER, industry: 'C', source: 'trade_show', contact: { name: '何静', title: '采购总监', mobile: '13700001234' },
    });
    expect(customer.status).toBe(201);

    // 写跟进 on the customer's 跟进记录 tab, with a next follow-up time tomorrow at 10:00.
    await page.goto(`/customers/${customer.body.id}?tab=followups`);
    await page.getByRole('button', { name: '写跟进' }).click();
    const modal = page.getByRole('dialog', { name: '写跟进记录' });
    await fill(modal, '跟进内容', '电话沟通扶梯维保需求，客户希望下周看到报价方案');
    await modal.getByText('有意向', { exact: true }).click();
    await fill(modal, '下一步计划', '发送维保报价方案');
    const next = `${tomorrowInBeijing(clock.now())} 10:00`;
    const picker = formItem(modal, '下次跟进时间').locator('input');
    await picker.click();
    await picker.fill(next);
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button').click();
    await screenshot(page, 'zh-followup-form');
    await modal.getByRole('button', { name: '保存' }).click();
    await page.getByText('跟进记录已保存，已创建下次跟进任务').waitFor();
    // Feedback 有意向 on a 潜在 customer: the page offers 意向, the rep accepts.
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '客户反馈“有意向”，建议将客户状态改为“意向客户”' }).waitFor();
    await page.getByRole('button', { name: '改为意向客户' }).click();
    await page.getByText('客户状态已更新').waitFor();
    await page.getByTestId('followup-item').filter({ hasText: '电话沟通扶梯维保需求' }).waitFor();
    await screenshot(page, 'zh-customer-followups');
    expect((await apiFromPage<{ status: string }>(page, 'GET', `/customers/${customer.body.id}`)).body.status).toBe('intent');

    // The task is on the rep's workbench (coming days) and 任务 page, due tomorrow.
    await menuItem(page, '工作台').click();
    await page.locator('.ant-segmented-item').filter({ hasText: '未来 7 天' }).click();
    await page.getByTestId('workbench-task').filter({ hasText: '发送维保报价方案' }).waitFor();
    await menuItem(page, '任务').click();
    const taskRow = row(page, '发送维保报价方案');
    await taskRow.waitFor();
    expect(await taskRow.textContent()).toContain(CUSTOMER);
    expect(await taskRow.textContent()).toContain('待办');

    // Tomorrow at 09:31 (the reminder is 30 minutes before 10:00) the reminder job runs; the rep signs in again
    // (yesterday's session has expired; the browser's clock moves too) and lands on the workbench.
    const morning = new Date(`${tomorrowInBeijing(clock.now())}T09:31:00+08:00`);
    clock.set(morning);
    await page.clock.setSystemTime(morning);
    expect(await server.runJobs()).toEqual(expect.arrayContaining(['task-reminders', 'followup-sop']));
    await login(page, rep.email, rep.password);
    await page.getByRole('heading', { name: `你好，${rep.name}` }).waitFor();
    const todays = page.getByTestId('workbench-task').filter({ hasText: '发送维保报价方案' });
    await todays.waitFor();
    expect(await todays.textContent()).toContain(CUSTOMER);
    await page.getByTestId('due-customer').filter({ hasText: CUSTOMER }).waitFor();
    await page.getByTestId('workbench-notice').filter({ hasText: `任务提醒：发送维保报价方案 · ${CUSTOMER}` }).waitFor();
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notifications').getByText(`任务提醒：发送维保报价方案 · ${CUSTOMER}`, { exact: false }).waitFor();
    await screenshot(page, 'zh-task-reminder');
    await page.keyboard.press('Escape');
    await screenshot(page, 'zh-workbench');
    // Running the job again reminds nobody twice.
    clock.advance(60 * 60_000);
    await server.runJobs();
    const reminders = (await apiFromPage<{ items: Array<{ type: string }> }>(page, 'GET', '/notifications')).body.items.filter((n) => n.type === 'task.reminder');
    expect(reminders).toHaveLength(1);

    // The rep completes it from the workbench in one click; done within 24 h of due counts as on time.
    await todays.getByRole('button', { name: '完成 发送维保报价方案' }).click();
    await page.getByText('任务已完成').first().waitFor();
    await todays.waitFor({ state: 'detached' });
    await menuItem(page, '任务').click();
    await page.locator('.ant-segmented-item').filter({ hasText: '已完成' }).click();
    await row(page, '发送维保报价方案').filter({ hasText: '按时完成' }).waitFor();
    await screenshot(page, 'zh-tasks');

    // The customer's timeline shows the follow-up and the completed task; the 任务 filter keeps only tasks.
    await page.goto(`/customers/${customer.body.id}?tab=timeline`);
    const events = page.getByTestId('timeline-event');
    await events.filter({ hasText: '完成了任务' }).waitFor();
    await events.filter({ hasText: '记录了跟进' }).waitFor();
    await screenshot(page, 'zh-customer-timeline');
    await page.locator('.ant-segmented-item').filter({ hasText: /^任务$/ }).click();
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="timeline-event"]')].some((e) => e.textContent?.includes('记录了跟进')));
    expect(await events.filter({ hasText: '完成了任务' }).count()).toBe(1);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('captures the workbench, customer activity tabs, tasks, recurring tasks and SOP pages in Chinese and in English', async () => {
    const { page, context, pageErrors } = await newSession(browser, server.url);
    // The browser lives at the server's (moved) time, so "today" on the workbench is the server's today.
    await page.clock.install({ time: clock.now() });
    await login(page, admin.email, admin.password);
    await menuItem(page, '客户').waitFor();
    const seed = async <T = unknown>(method: string, path: string, body: unknown) => {
      const res = await apiFromPage<T>(page, method, path, body);
      if (res.status !== 201) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    const at = (hoursFromNow: number) => new Date(clock.now().getTime() + hoursFromNow * 3_600_000).toISOString();
    const made = await seed<{ id: string; primaryContact: { id: string } }>('POST', '/customers', {
      name: '苏州金鸡湖生物医药有限公司', industry: 'C', source: 'referral', status: 'intent',
      contact: { name: '顾明', title: '设备部经理', mobile: '13700005678' },
    });
    const id = made.body.id;
    const contactId = made.body.primaryContact.id;
    await seed('POST', '/followups', { customerId: id, contactId, date: at(-50), method: 'visit', content: '上门拜访，参观了新建的洁净车间，客户关注设备验证周期', feedback: 'evaluating' });
    await seed('POST', '/followups', { customerId: id, contactId, date: at(-2), method: 'phone', content: '电话确认了招标时间表，客户希望提供同类案例', feedback: 'interested', nextAction: '整理三家同类药企案例', nextFollowUpAt: at(20) });
    await seed('POST', '/interactions', { customerId: id, contactId, kind: 'call', direction: 'inbound', occurredAt: at(-26), durationSeconds: 415, problemType: '售后咨询', result: '已远程指导，待现场确认' });
    await seed('POST', '/interactions', { customerId: id, contactId, kind: 'email', direction: 'outbound', occurredAt: at(-5), subject: '设备验证方案（初稿）', content: '附件为 IQ/OQ 方案初稿，请审阅。' });
    await seed('POST', '/interactions', { customerId: id, kind: 'meeting', occurredAt: at(-1), subject: '线上技术交流', content: '与客户质量部讨论验证文件清单' });
    await seed('POST', '/tasks', { subject: '准备报价单', type: 'email', dueAt: at(-3), customerId: id, priority: 'high' });
    await seed('POST', '/tasks', { subject: '安排现场演示', type: 'visit', dueAt: at(4), customerId: id, priority: 'urgent' });
    await seed('POST', '/tasks', { subject: '季度经营分析会', type: 'online_meeting', dueAt: at(72), priority: 'normal' });
    await seed('POST', '/task-series', { subject: '推送产品资料', type: 'email', rule: { freq: 'weekly', weekday: 3, time: '14:00' }, startsOn: new Date(clock.now()).toISOString().slice(0, 10) });
    await seed('POST', '/task-series', { subject: '整理周报', type: 'other', rule: { freq: 'weekly', weekday: 5, time: '17:30' }, startsOn: new Date(clock.now()).toISOString().slice(0, 10) });

    // Editing a follow-up and a task: only changed fields are sent; the lists show the new values.
    await page.goto(`/customers/${id}?tab=followups`);
    const first = page.getByTestId('followup-item').filter({ hasText: '电话确认了招标时间表' });
    await first.getByRole('button', { name: '编辑' }).click();
    const editModal = page.getByRole('dialog', { name: '编辑跟进记录' });
    await expect.poll(() => formItem(editModal, '跟进内容').locator('textarea').inputValue()).toContain('电话确认了招标时间表');
    await fill(editModal, '跟进内容', '电话确认了招标时间表（12 月 15 日开标），客户希望提供同类案例');
    await editModal.getByRole('button', { name: '保存' }).click();
    const edited = page.getByTestId('followup-item').filter({ hasText: '12 月 15 日开标' });
    await edited.waitFor();
    await edited.locator('input[type=file]').setInputFiles({ name: '开标时间表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await edited.getByRole('link', { name: '开标时间表.pdf' }).waitFor();
    // Editing a logged call: its kind stays, the duration is kept, the new result shows.
    await page.goto(`/customers/${id}?tab=interactions`);
    await page.getByTestId('interaction-item').filter({ hasText: '已远程指导' }).getByRole('button', { name: '编辑' }).click();
    const callModal = page.getByRole('dialog', { name: '编辑交互记录' });
    await expect.poll(() => formItem(callModal, '处理结果').locator('input').inputValue()).toBe('已远程指导，待现场确认');
    await fill(callModal, '处理结果', '已远程指导，12 月 3 日现场确认完毕');
    await callModal.getByRole('button', { name: '保存' }).click();
    await callModal.waitFor({ state: 'hidden' });
    await page.getByTestId('interaction-item').filter({ hasText: '12 月 3 日现场确认完毕' }).filter({ hasText: '6 分 55 秒' }).waitFor();
    await menuItem(page, '任务').click();
    await row(page, '季度经营分析会').getByRole('button', { name: '编辑任务' }).click();
    const taskModal = page.getByRole('dialog', { name: '编辑任务' });
    // Fill only once the form shows the task (under load the modal renders before its values land).
    await expect.poll(() => formItem(taskModal, '主题').locator('input').inputValue()).toBe('季度经营分析会');
    await fill(taskModal, '主题', '季度经营分析会（销售部）');
    await taskModal.getByRole('button', { name: '保存' }).click();
    await taskModal.waitFor({ state: 'hidden' });
    await row(page, '季度经营分析会（销售部）').waitFor();

    const shoot = async (prefix: 'zh' | 'en', l: { workbench: string; tasks: string; series: string; sop: string; newSeries: string; all: string }) => {
      await page.goto('/');
      await menuItem(page, l.workbench).waitFor();
      await page.getByTestId('workbench-task').first().waitFor();
      await screenshot(page, `${prefix}-workbench-admin`);
      for (const tab of ['followups', 'tasks', 'interactions', 'timeline']) {
        await page.goto(`/customers/${id}?tab=${tab}`);
        await page.locator('.ant-tabs-tabpane-active .ant-list-item, .ant-tabs-tabpane-active .ant-table-row, .ant-tabs-tabpane-active [data-testid="timeline-event"]').first().waitFor();
        await screenshot(page, `${prefix}-customer-${tab}`);
      }
      await menuItem(page, l.tasks).click();
      await page.locator('.ant-table-row').first().waitFor();
      await screenshot(page, `${prefix}-tasks-page`);
      await page.locator('.ant-segmented-item').filter({ hasText: l.all }).first().click();
      await page.locator('.ant-table-row').first().waitFor();
      await screenshot(page, `${prefix}-tasks-all`);
      await page.getByRole('tab', { name: l.series }).click();
      await page.locator('.ant-tabs-tabpane-active .ant-table-row').first().waitFor();
      await screenshot(page, `${prefix}-task-series`);
      await page.getByRole('button', { name: l.newSeries }).click();
      await page.locator('.ant-modal-content').waitFor();
      await screenshot(page, `${prefix}-task-series-form`);
      await page.keyboard.press('Escape');
      await menuItem(page, l.sop).click();
      await page.locator('.ant-card').nth(3).waitFor();
      await screenshot(page, `${prefix}-followup-sop`);
    };
    await shoot('zh', { workbench: '工作台', tasks: '任务', series: '周期任务', sop: '跟进 SOP', newSeries: '新建周期任务', all: '全部可见' });
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await menuItem(page, 'Workbench').waitFor();
    await shoot('en', { workbench: 'Workbench', tasks: 'Tasks', series: 'Recurring tasks', sop: 'Follow-up SOP', newSeries: 'New recurring task', all: 'All I can see' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

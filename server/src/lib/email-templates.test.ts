import { describe, expect, it } from 'vitest';
import { renderNotificationEmail } from './email-templates';

const ctx = (locale: 'zh-CN' | 'en', timeZone?: string) => ({
  locale, recipientId: 'u1', recipientName: locale === 'en' ? 'Li Na' : '李娜', timeZone, link: (p: string) => `https://crm.example.com${p}`,
});

describe('notification e-mails for tasks and imports', () => {
  it('writes a task reminder with the due time in the recipient’s time zone', () => {
    const data = { subject: '回访华星科技', dueAt: '2026-11-25T01:30:00.000Z', customerId: 'c1', customerName: '华星科技有限公司' };
    const zh = renderNotificationEmail('task.reminder', data, ctx('zh-CN', 'Asia/Shanghai'));
    expect(zh.subject).toBe('[Guanxi CRM] 任务提醒：回访华星科技');
    expect(zh.text).toContain('任务「回访华星科技」将于 2026/11/25 09:30 到期（客户「华星科技有限公司」）');
    expect(zh.text).toContain('https://crm.example.com/customers/c1');
    const en = renderNotificationEmail('task.reminder', data, ctx('en', 'Europe/Berlin'));
    expect(en.subject).toBe('[Guanxi CRM] Reminder: 回访华星科技');
    expect(en.text).toContain('is due 11/25/2026, 02:30');
    // An unknown zone falls back to China time rather than failing the mail.
    expect(renderNotificationEmail('task.reminder', data, ctx('zh-CN', 'Mars/Base')).text).toContain('09:30');
  });

  it('writes task assignment and finished-import mails in both languages', () => {
    const assigned = renderNotificationEmail('task.assigned', { subject: '发送报价', by: '王经理', dueAt: '2026-11-25T06:00:00.000Z' }, ctx('zh-CN', 'Asia/Shanghai'));
    expect(assigned.text).toContain('王经理 给你分配了任务「发送报价」，截止 2026/11/25 14:00。');
    const done = renderNotificationEmail('import.finished', { fileName: '客户.xlsx', created: 98, updated: 1, skipped: 0, failed: 2 }, ctx('en'));
    expect(done.subject).toBe('[Guanxi CRM] Import finished: 客户.xlsx');
    expect(done.text).toContain('98 created, 1 updated, 0 skipped, 2 failed');
  });
});

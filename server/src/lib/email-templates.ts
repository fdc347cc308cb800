import type { Locale } from '@guanxi/common/i18n';
import { formatInZone, isValidTimeZone } from '@guanxi/common/timezone';

type Rendered = { subject: string; text: string };
type Ctx = { locale: Locale; recipientId: string; recipientName: string; timeZone?: string; link: (path: string) => string | null };
type Template = (d: Record<string, unknown>, c: Ctx) => { zh: Rendered; en: Rendered };

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const customerOf = (d: Record<string, unknown>) => str(d.customerName) || str(d.number);
/** A time in the recipient's zone (Asia/Shanghai when unknown), as both languages write it. */
const when = (v: unknown, c: Ctx) => {
  const date = typeof v === 'string' ? new Date(v) : null;
  if (!date || Number.isNaN(date.getTime())) return { zh: '', en: '' };
  const tz = c.timeZone && isValidTimeZone(c.timeZone) ? c.timeZone : 'Asia/Shanghai';
  return { zh: formatInZone(date, tz, 'zh-CN'), en: formatInZone(date, tz, 'en') };
};
const customerPath = (d: Record<string, unknown>) => (d.customerId ? `/customers/${encodeURIComponent(str(d.customerId))}` : null);

/**
 * E-mail subject and body per notification type, in both languages (the in-app texts live in the web app's locale
 * files). Modules add their type here; an unknown type gets the generic template.
 */
const TEMPLATES: Record<string, Template> = {
  'customer.transferred': (d, c) => {
    const customer = customerOf(d);
    const by = str(d.by) || '系统';
    const toMe = d.to === c.recipientId;
    return {
      zh: toMe
        ? { subject: `客户「${customer}」已转给你`, text: `${by} 将客户「${customer}」转给了你。` }
        : { subject: `客户「${customer}」已转给他人`, text: `${by} 将你的客户「${customer}」转给了 ${str(d.toName) || '他人'}。` },
      en: toMe
        ? { subject: `Customer "${customer}" was transferred to you`, text: `${str(d.by) || 'The system'} transferred the customer "${customer}" to you.` }
        : { subject: `Customer "${customer}" was transferred away`, text: `${str(d.by) || 'The system'} transferred your customer "${customer}" to ${str(d.toName) || 'someone else'}.` },
    };
  },
  'customer.assigned': (d) => {
    const customer = customerOf(d);
    return {
      zh: { subject: `公海客户「${customer}」已分配给你`, text: `${str(d.by) || '系统'} 从公海给你分配了客户「${customer}」。` },
      en: { subject: `Pool customer "${customer}" was assigned to you`, text: `${str(d.by) || 'The system'} assigned the customer "${customer}" to you from the public pool.` },
    };
  },
  'customer.returned_to_pool': (d) => {
    const customer = customerOf(d);
    return {
      zh: { subject: `客户「${customer}」已退回公海`, text: d.auto ? `你的客户「${customer}」长期未跟进，已自动退回公海。` : `你的客户「${customer}」已退回公海。` },
      en: { subject: `Customer "${customer}" went back to the public pool`, text: d.auto ? `Your customer "${customer}" had no follow-up for too long and went back to the public pool automatically.` : `Your customer "${customer}" went back to the public pool.` },
    };
  },
  'customer.pool_warning': (d) => {
    const customer = customerOf(d);
    const days = Number(d.withinDays ?? 0);
    return {
      zh: { subject: `客户「${customer}」即将退回公海`, text: `客户「${customer}」将在 ${days} 天内退回公海，请及时跟进。` },
      en: { subject: `Customer "${customer}" returns to the pool soon`, text: `The customer "${customer}" goes back to the public pool within ${days} days unless you follow up.` },
    };
  },
  'task.reminder': (d, c) => {
    const due = when(d.dueAt, c);
    const customer = customerOf(d);
    return {
      zh: { subject: `任务提醒：${str(d.subject)}`, text: `任务「${str(d.subject)}」将于 ${due.zh} 到期${customer ? `（客户「${customer}」）` : ''}。` },
      en: { subject: `Reminder: ${str(d.subject)}`, text: `The task "${str(d.subject)}" is due ${due.en}${customer ? ` (customer "${customer}")` : ''}.` },
    };
  },
  'task.assigned': (d, c) => {
    const due = when(d.dueAt, c);
    return {
      zh: { subject: `新任务：${str(d.subject)}`, text: `${str(d.by) || '系统'} 给你分配了任务「${str(d.subject)}」${due.zh ? `，截止 ${due.zh}` : ''}。` },
      en: { subject: `New task: ${str(d.subject)}`, text: `${str(d.by) || 'The system'} assigned you the task "${str(d.subject)}"${due.en ? `, due ${due.en}` : ''}.` },
    };
  },
  'import.finished': (d) => {
    const n = (k: string) => Number(d[k] ?? 0);
    return {
      zh: { subject: `导入完成：${str(d.fileName)}`, text: `文件「${str(d.fileName)}」导入完成：新建 ${n('created')}，更新 ${n('updated')}，跳过 ${n('skipped')}，失败 ${n('failed')}。` },
      en: { subject: `Import finished: ${str(d.fileName)}`, text: `The import of "${str(d.fileName)}" finished: ${n('created')} created, ${n('updated')} updated, ${n('skipped')} skipped, ${n('failed')} failed.` },
    };
  },
};

const GENERIC: Template = () => ({
  zh: { subject: '你有一条新通知', text: '你在 Guanxi CRM 有一条新通知。' },
  en: { subject: 'You have a new notification', text: 'You have a new notification in Guanxi CRM.' },
});

/** The e-mail for one notification in the recipient's language, with a link into the app when PUBLIC_URL is set. */
export function renderNotificationEmail(type: string, data: Record<string, unknown>, ctx: Ctx): Rendered {
  const both = (TEMPLATES[type] ?? GENERIC)(data, ctx);
  const mail = ctx.locale === 'en' ? both.en : both.zh;
  const path = customerPath(data);
  const link = path ? ctx.link(path) : ctx.link('/');
  const hello = ctx.locale === 'en' ? `Hello ${ctx.recipientName},` : `${ctx.recipientName}，你好：`;
  const footer = ctx.locale === 'en'
    ? 'You receive this e-mail because e-mail notifications are on in your profile (Profile → Notifications).'
    : '你收到这封邮件是因为在个人设置中开启了邮件通知（个人设置 → 通知）。';
  const open = link ? (ctx.locale === 'en' ? `\n\nOpen: ${link}` : `\n\n查看：${link}`) : '';
  return { subject: `[Guanxi CRM] ${mail.subject}`, text: `${hello}\n\n${mail.text}${open}\n\n— \n${footer}\n` };
}

import nodemailer from 'nodemailer';
import type { Locale } from '@guanxi/common/i18n';
import type { Db } from '../db/database';
import { readBool, readJson, type DialectName } from '../db/dialect';
import type { Clock } from './clock';
import { renderNotificationEmail } from './email-templates';
import type { Logger } from './logger';

type Deps = { db: Db; dialect: DialectName; clock: Clock; logger: Logger };
type MailConfig = { SMTP_URL?: string; MAIL_FROM?: string; PUBLIC_URL?: string };

/** Retries after an SMTP failure: 1, 2, 4, 8 min…; after MAX_ATTEMPTS the e-mail is failed with the error. */
export const MAX_ATTEMPTS = 6;
const BATCH = 50;
const SEND_LEASE_MS = 10 * 60_000;
/** Notices older than this are not e-mailed any more (e.g. SMTP configured long after they were written). */
const MAX_AGE_MS = 3 * 24 * 3600_000;

const TRANSPORTS = new Map<string, nodemailer.Transporter>();
function transportFor(url: string): nodemailer.Transporter {
  let t = TRANSPORTS.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    TRANSPORTS.set(url, t);
  }
  return t;
}

/**
 * Sends pending notification e-mails (the `email-outbox` periodic job). Each row is claimed by one UPDATE
 * (pending → sending) so two processes never send the same row; a send that fails is put back with a backoff.
 * A row left in `sending` by a process that died mid-send is failed, not resent: the SMTP server may already
 * have accepted it, and "never twice" wins over "always". Every message carries a Message-ID made from the
 * notification id, so a receiving server can also drop a duplicate.
 */
/** Sends what is due. `only.tenantId` limits a run to one tenant (tests sharing a database with other tests). */
export async function sendPendingEmails(deps: Deps, config: MailConfig, now = deps.clock.now(), only: { tenantId?: string } = {}) {
  if (!config.SMTP_URL) return { skipped: 'SMTP_URL is not set' };
  const { db } = deps;
  const iso = now.toISOString();
  await db.updateTable('email_outbox').set({ state: 'failed', last_error: 'interrupted while sending; not resent to avoid a duplicate', locked_until: null })
    .where('state', '=', 'sending').where('locked_until', '<', iso).execute();
  await db.updateTable('email_outbox').set({ state: 'skipped', last_error: 'too old to send' })
    .where('state', '=', 'pending').where('created_at', '<', new Date(now.getTime() - MAX_AGE_MS).toISOString()).execute();
  const transport = transportFor(config.SMTP_URL);
  const from = config.MAIL_FROM ?? 'Guanxi CRM <no-reply@localhost>';
  let sent = 0;
  let failed = 0;
  for (;;) {
    let pending = db.selectFrom('email_outbox').select('id').where('state', '=', 'pending').where('next_attempt_at', '<=', iso);
    if (only.tenantId) pending = pending.where('tenant_id', '=', only.tenantId);
    const due = await pending.orderBy('next_attempt_at').limit(BATCH).execute();
    if (due.length === 0) break;
    for (const { id } of due) {
      const claimed = await db.updateTable('email_outbox').set({ state: 'sending', locked_until: new Date(now.getTime() + SEND_LEASE_MS).toISOString() })
        .where('id', '=', id).where('state', '=', 'pending').returningAll().executeTakeFirst();
      if (!claimed) continue;
      const row = await db.selectFrom('email_outbox as o').innerJoin('notifications as n', 'n.id', 'o.notification_id').innerJoin('users as u', 'u.id', 'o.user_id')
        .select(['n.type', 'n.data', 'u.email', 'u.name', 'u.locale', 'u.timezone', 'u.active', 'o.attempts'])
        .where('o.id', '=', id).where('u.tenant_id', '=', claimed.tenant_id).executeTakeFirst();
      if (!row || !readBool(row.active)) {
        await db.updateTable('email_outbox').set({ state: 'skipped', last_error: 'recipient inactive', locked_until: null }).where('id', '=', id).execute();
        continue;
      }
      const mail = renderNotificationEmail(row.type, readJson<Record<string, unknown>>(row.data, {}), {
        locale: (row.locale === 'en' ? 'en' : 'zh-CN') as Locale, recipientId: claimed.user_id, recipientName: row.name, timeZone: row.timezone,
        link: (path) => (config.PUBLIC_URL ? new URL(path, config.PUBLIC_URL).toString() : null),
      });
      try {
        await transport.sendMail({ from, to: row.email, subject: mail.subject, text: mail.text, messageId: `<${claimed.notification_id}@guanxi-crm>` });
        await db.updateTable('email_outbox').set({ state: 'sent', sent_at: deps.clock.now().toISOString(), attempts: Number(row.attempts) + 1, locked_until: null, last_error: null })
          .where('id', '=', id).execute();
        sent += 1;
      } catch (err) {
        const attempts = Number(row.attempts) + 1;
        const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
        deps.logger.warn('notification e-mail failed', { id, attempts, error: message });
        await db.updateTable('email_outbox').set(attempts >= MAX_ATTEMPTS
          ? { state: 'failed', attempts, last_error: message, locked_until: null }
          : { state: 'pending', attempts, last_error: message, locked_until: null, next_attempt_at: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)).toISOString() })
          .where('id', '=', id).execute();
        failed += 1;
      }
    }
    if (due.length < BATCH) break;
  }
  return { sent, failed };
}

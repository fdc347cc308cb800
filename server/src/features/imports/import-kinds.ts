import { ZCreateContactRequest, type TCreateContactRequest } from '@guanxi/common/contacts';
import type { TCustomField } from '@guanxi/common/fields';
import { ZCreateFollowupRequest, type FollowupFeedback, type TCreateFollowupRequest } from '@guanxi/common/followups';
import type { TImportMapping } from '@guanxi/common/imports';
import type { Actor } from '../../lib/actor';
import type { RuleDetail } from '../../lib/errors';
import type { AppDeps } from '../../lib/http';
import { existingContactId, findCustomerContactByText, insertContactRecord, updateImportedContact } from '../contacts/contacts.service';
import { checkContactColumns, inputContext, resolveImportCustomer, schemaErrors } from '../customers/customers.service';
import { checkImportedFollowup, followupExists } from '../followups/followups.service';
import { findActiveUserByText } from '../users/users.service';
import { cellText, type Cell } from './import-files';
import { fold, mappedCells, parseBoolean, parseDate, rowToInput } from './import-rows';

/**
 * One row of a contact or follow-up import, checked in the batch's transaction (so rows written earlier in the same
 * file count as existing): its problems, whether it duplicates a stored record, and the writer for it.
 */
export type KindRowCheck = {
  errors: RuleDetail[]; exists: boolean; keys: string[]; write: (() => Promise<unknown>) | null;
  /** The "update" policy: the row's cells onto the record it duplicates (types that offer it). */
  update?: () => Promise<unknown>;
};

/** How rows of one import type are read, checked and written. Customers keep their set-based path (decision 022). */
export type ImportKind = {
  /** Custom fields the type's rows may fill (mapping targets `custom.<key>`). */
  customDefs: TCustomField[];
  check(deps: AppDeps, cells: Cell[], mapping: TImportMapping, defaults: Record<string, string>): Promise<KindRowCheck>;
};

const text = (c: Cell | undefined) => (c === undefined ? undefined : fold(cellText(c)));

/** A date or date-time cell as ISO 8601 in China time (files from Chinese teams have no zone). */
function dateTime(c: Cell | undefined, field: string, errors: RuleDetail[]): string | undefined {
  if (c === undefined) return undefined;
  const d = parseDate(c);
  if (!d) {
    errors.push({ field, rule: 'date' });
    return undefined;
  }
  return `${d.date}T${d.time ?? '00:00:00'}+08:00`;
}

/** First problem per field, in the order found. */
function firstPerField(errors: RuleDetail[]): RuleDetail[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

async function customerOf(deps: AppDeps, actor: Actor, f: Map<string, Cell>, errors: RuleDetail[]): Promise<string | null> {
  const ref = await resolveImportCustomer(deps, actor, { number: text(f.get('customerNumber')), name: text(f.get('customerName')) });
  if ('id' in ref) return ref.id;
  errors.push(ref);
  return null;
}

/** Contacts of existing customers: the customer by number or name; a duplicate is the same mobile or e-mail on it. */
async function contactsKind(deps: AppDeps, actor: Actor): Promise<ImportKind> {
  const ctx = await inputContext(deps, actor);
  return {
    customDefs: ctx.contactDefs,
    async check(d, cells, mapping, defaults) {
      const { raw, errors } = rowToInput(cells, mapping, defaults, ctx.contactDefs);
      const f = mappedCells(cells, mapping, defaults);
      const c = (raw.contact ?? {}) as Record<string, string | undefined>;
      const customerId = await customerOf(d, actor, f, errors);
      let isPrimary: boolean | undefined;
      if (f.has('contact.isPrimary')) {
        const b = parseBoolean(f.get('contact.isPrimary')!);
        if (b === null) errors.push({ field: 'contact.isPrimary', rule: 'boolean' });
        else isPrimary = b;
      }
      const birthday = f.has('contact.birthday') ? dateTime(f.get('contact.birthday'), 'contact.birthday', errors)?.slice(0, 10) : undefined;
      const input = {
        customerId: customerId ?? '', name: c.name ?? '', title: c.title, mobile: c.mobile ?? '', landline: c.landline, email: c.email,
        role: c.role, notes: c.notes, birthday, isPrimary, custom: (raw.custom ?? {}) as TCreateContactRequest['custom'],
      };
      const parsed = ZCreateContactRequest.safeParse(input);
      if (!parsed.success) {
        errors.push(...schemaErrors(parsed.error.issues, input).filter((e) => e.field !== 'customerId').map((e) => ({ ...e, field: e.field.startsWith('custom.') ? e.field : `contact.${e.field}` })));
      }
      const cols = checkContactColumns(ctx, input, 'contact.');
      errors.push(...cols.errors.map((e) => ({ ...e, field: e.field.replace(/^contact\.custom\./, 'custom.') })));
      const all = firstPerField(errors);
      if (all.length || !customerId || !parsed.success) return { errors: all, exists: false, keys: [], write: null };
      const mobile = (cols.set.mobile as string | undefined) ?? null;
      const email = (cols.set.email as string | null | undefined) ?? null;
      const keys = [mobile && `${customerId}:m:${mobile}`, email && `${customerId}:e:${email}`].filter((k): k is string => !!k);
      const existing = await existingContactId(d.db, actor.tenantId, customerId, { mobile, email });
      // Only what the row fills is written onto the existing contact.
      const filled = Object.fromEntries(Object.entries(parsed.data).filter(([k, v]) => {
        if (k === 'custom') return Object.keys(v ?? {}).length > 0;
        return k !== 'customerId' && (f.has(`contact.${k}`) || (k === 'isPrimary' && f.has('contact.isPrimary')));
      })) as Partial<TCreateContactRequest>;
      return {
        errors: [], exists: existing !== null, keys,
        write: () => insertContactRecord(d, actor, parsed.data, cols),
        ...(existing ? { update: () => updateImportedContact(d, actor, existing, filled) } : {}),
      };
    },
  };
}

const methodOf = (t: string | undefined) => (t ? (METHOD_ALIASES[t] ?? METHOD_ALIASES[t.toLowerCase()] ?? t) : '');

const FEEDBACK: Record<string, FollowupFeedback> = {
  有意向: 'interested', 意向: 'interested', 感兴趣: 'interested', interested: 'interested',
  需进一步评估: 'evaluating', 评估中: 'evaluating', 考虑中: 'evaluating', 待评估: 'evaluating', evaluating: 'evaluating',
  暂无需求: 'no_need', 无需求: 'no_need', 没有需求: 'no_need', no_need: 'no_need', 'no need': 'no_need',
};

/** How people write the method in a sheet, beside the dictionary's own codes and labels (电话拜访, 上门拜访 …). */
const METHOD_ALIASES: Record<string, string> = {
  电话: 'phone', 打电话: 'phone', 电联: 'phone', 致电: 'phone', phone: 'phone', call: 'phone',
  拜访: 'visit', 上门: 'visit', 面访: 'visit', 现场拜访: 'visit', visit: 'visit',
  会议: 'meeting', 会面: 'meeting', 见面: 'meeting', meeting: 'meeting',
  邮件: 'email', 电邮: 'email', email: 'email', 'e-mail': 'email',
  微信: 'wechat', 企业微信: 'wechat', qq: 'wechat', 在线沟通: 'wechat', wechat: 'wechat', chat: 'wechat',
};

/** Follow-up records: customer by number or name, contact and follower by name or mobile; a duplicate is the same time and content. */
async function followupsKind(deps: AppDeps, actor: Actor): Promise<ImportKind> {
  return {
    customDefs: [],
    async check(d, cells, mapping, defaults) {
      const errors: RuleDetail[] = [];
      const f = mappedCells(cells, mapping, defaults);
      const customerId = await customerOf(d, actor, f, errors);
      let contactId: string | null = null;
      const contactText = text(f.get('contact'));
      if (contactText && customerId) {
        contactId = await findCustomerContactByText(d.db, actor.tenantId, customerId, contactText);
        if (!contactId) errors.push({ field: 'contact', rule: 'contact_unknown', params: { value: contactText.slice(0, 40) } });
      }
      let followerId: string | undefined;
      const followerText = text(f.get('follower'));
      if (followerText) {
        followerId = (await findActiveUserByText(d, actor.tenantId, followerText)) ?? undefined;
        if (!followerId) errors.push({ field: 'follower', rule: 'user_unknown', params: { value: followerText.slice(0, 40) } });
      }
      const feedbackText = text(f.get('feedback'));
      const feedback = feedbackText ? (FEEDBACK[feedbackText] ?? FEEDBACK[feedbackText.toLowerCase()]) : undefined;
      if (feedbackText && !feedback) errors.push({ field: 'feedback', rule: 'one_of', params: { options: '有意向, 需进一步评估, 暂无需求' } });
      const input = {
        customerId: customerId ?? '', contactId, followerId, date: dateTime(f.get('date'), 'date', errors) ?? '', method: methodOf(text(f.get('method'))),
        content: f.has('content') ? cellText(f.get('content')!).trim() : '', feedback: feedback ?? null, nextAction: text(f.get('nextAction')) ?? null,
        nextFollowUpAt: dateTime(f.get('nextFollowUpAt'), 'nextFollowUpAt', errors) ?? null,
      };
      const parsed = ZCreateFollowupRequest.safeParse(input);
      if (!parsed.success) errors.push(...schemaErrors(parsed.error.issues, input).filter((e) => !['customerId', 'contactId', 'followerId'].includes(e.field)));
      if (errors.length || !customerId || !parsed.success) return { errors: firstPerField(errors), exists: false, keys: [], write: null };
      const checked = await checkImportedFollowup(d, actor, parsed.data as TCreateFollowupRequest);
      if (!checked.write) {
        const renamed = checked.errors.map((e) => ({ ...e, field: e.field === 'followerId' ? 'follower' : e.field === 'contactId' ? 'contact' : e.field === 'customerId' ? 'customerName' : e.field }));
        return { errors: firstPerField(renamed), exists: false, keys: [], write: null };
      }
      const date = new Date(parsed.data.date).toISOString();
      const exists = await followupExists(d.db, actor.tenantId, customerId, parsed.data.date, parsed.data.content);
      return { errors: [], exists, keys: [`${customerId}:${date}:${parsed.data.content}`], write: checked.write };
    },
  };
}

/** The reader, checker and writer of a contact or follow-up import for this actor. */
export function importKindFor(deps: AppDeps, actor: Actor, type: 'contacts' | 'followups'): Promise<ImportKind> {
  return type === 'contacts' ? contactsKind(deps, actor) : followupsKind(deps, actor);
}

import { DAY_MS, type DemoOwner, type DemoPlan } from './demo-plan';
import { createRng, weighted, type Rng } from './demo-random';
import { PRODUCTS } from './demo-words';

const iso = (ms: number) => new Date(ms).toISOString();
const SHANGHAI_MS = 8 * 3_600_000;

/** What generateDemoCustomer made that the activities depend on. */
export type ActivityCustomer = {
  id: string; tenant_id: string; name: string; owner_id: string | null; status: string; created_at: string; last_follow_up_at: string | null;
};

export type DemoFollowup = {
  id: string; contact_id: string | null; followed_at: string; method: string; follower_id: string; follower_name: string; content: string;
  feedback: string | null; next_action: string | null; next_follow_up_at: string | null; task_id: string | null;
};
export type DemoTask = {
  id: string; subject: string; type: string; due_at: string; assignee_id: string; assignee_name: string; priority: string; status: 'open' | 'done';
  remind_at: string | null; reminded_at: string | null; done_at: string | null; on_time: boolean | null; followup_id: string; created_at: string;
};
export type DemoInteraction = {
  id: string; contact_id: string | null; kind: string; direction: string | null; occurred_at: string; user_id: string; user_name: string; subject: string | null;
  content: string | null; duration_seconds: number | null; problem_type: string | null; result: string | null;
};
export type DemoActivities = { followups: DemoFollowup[]; tasks: DemoTask[]; interactions: DemoInteraction[]; followUpDueAt: string | null };

const METHOD = weighted([['phone', 40], ['wechat', 30], ['visit', 12], ['meeting', 8], ['email', 10]] as const);
const TASK_TYPE: Readonly<Record<string, string>> = { phone: 'call', wechat: 'call', visit: 'visit', meeting: 'online_meeting', email: 'email' };

/** Follow-up notes by method and customer feedback: what reps actually write. */
const CONTENT: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  phone: {
    interested: ['电话沟通{product}方案，客户对价格比较满意，希望尽快安排演示', '与对方负责人通话约20分钟，确认需求{n}个账号，预算基本到位', '电话回访，客户表示有采购意向，要求发一份正式报价'],
    evaluating: ['电话跟进报价进度，客户内部还在比价，下周给答复', '客户在评估{product}与竞品的差异，已发送对比资料', '致电了解审批进度，财务还在走流程'],
    no_need: ['电话联系，客户表示今年预算已用完，明年再议', '客户已选用其他供应商，暂无需求，保持联系', '电话未深入，对方说目前没有采购计划'],
    none: ['电话未接通，稍后再联系', '电话简单问候，客户在出差，约下周再谈'],
  },
  wechat: {
    interested: ['微信发送{product}产品资料，客户回复很感兴趣', '微信沟通试用情况，客户反馈良好，准备走采购流程', '微信上确认了合同细节，等待对方盖章'],
    evaluating: ['微信发了案例和报价单，客户说需要和老板商量', '客户在微信上询问{product}的售后条款，已解答', '微信跟进，客户还在内部讨论方案'],
    no_need: ['微信问候，客户暂无新需求', '客户微信回复目前不考虑更换系统'],
    none: ['节日微信问候，顺便介绍新品', '微信发送行业资讯，客户已读未回'],
  },
  visit: {
    interested: ['上门拜访，与采购和技术负责人面谈，现场演示{product}，反馈积极', '拜访客户工厂，了解产线情况，需求明确，约定{month}月前出方案'],
    evaluating: ['上门拜访，客户提出定制需求，需要技术评估', '登门拜访总经理，对方认可方案但预算需再申请'],
    no_need: ['上门拜访，客户近期业务收缩，暂无采购计划'],
    none: ['顺路拜访，送去新版产品手册'],
  },
  meeting: {
    interested: ['线上会议演示{product}，客户团队{n}人参加，提问踊跃', '召开方案沟通会，客户同意进入商务谈判'],
    evaluating: ['线上会议讲解实施计划，客户需要内部评审', '会议讨论报价，客户希望再降{budget}%'],
    no_need: ['会议沟通后客户认为当前阶段不需要'],
    none: ['参加客户年会，简单交流'],
  },
  email: {
    interested: ['邮件发送正式报价及合同草案，客户回复同意推进', '邮件确认{product}采购数量{n}套'],
    evaluating: ['邮件发送技术白皮书，等待客户评估', '邮件回复客户关于发票和付款方式的问题'],
    no_need: ['邮件回复：暂不考虑，感谢关注'],
    none: ['邮件发送季度产品更新说明'],
  },
};
const NEXT_ACTION: Readonly<Record<string, readonly string[]>> = {
  interested: ['发送正式报价', '安排产品演示', '准备合同草案', '约技术负责人详谈'],
  evaluating: ['跟进评估结果', '补充竞品对比资料', '再次确认预算'],
  no_need: ['三个月后再回访'],
  none: ['再次联系'],
};
const FEEDBACK_BY_STATUS: Readonly<Record<string, (rng: Rng) => string>> = {
  potential: weighted([['interested', 20], ['evaluating', 30], ['no_need', 20], ['none', 30]]),
  intent: weighted([['interested', 45], ['evaluating', 40], ['no_need', 5], ['none', 10]]),
  won: weighted([['interested', 50], ['evaluating', 25], ['no_need', 5], ['none', 20]]),
  churned: weighted([['interested', 5], ['evaluating', 15], ['no_need', 60], ['none', 20]]),
};

const fill = (template: string, rng: Rng) => template
  .replace('{product}', rng.pick(PRODUCTS)).replace('{n}', String(rng.pick([5, 10, 20, 50, 100])))
  .replace('{budget}', String(rng.pick([5, 8, 10, 15]))).replace('{month}', String(rng.int(1, 12)));

const ownerNames = new WeakMap<DemoPlan, { byId: Map<string, string>; all: DemoOwner[] }>();
function ownersOf(plan: DemoPlan) {
  let o = ownerNames.get(plan);
  if (!o) {
    const all = [...Object.values(plan.ownersByRegion).flat(), ...plan.keyAccounts];
    o = { byId: new Map(all.map((u) => [u.id, u.name])), all: [...new Map(all.map((u) => [u.id, u])).values()] };
    ownerNames.set(plan, o);
  }
  return o;
}

/** Office hours in Shanghai on the day of `ms` (or the nearest earlier instant that is not after `max`). */
function officeTime(rng: Rng, ms: number, max: number): number {
  const dayStart = Math.floor((ms + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
  return Math.min(max, dayStart + (9 + rng.next() * 9) * 3_600_000);
}

/**
 * Follow-ups, follow-up tasks and a few interactions of demo customer i, consistent with the customer as made:
 * the latest follow-up is exactly its last_follow_up_at, none is before its creation, the follower is the owner
 * (now and then a colleague), and earlier follow-ups that planned the next one carry a done task. A share of the
 * customers still being worked (not churned) has an open next follow-up task for the owner: some overdue, some
 * due today, most in the coming weeks, so every rep's workbench has something to show. Its own random stream, so
 * the customer rows are the same as without activities.
 */
export function generateDemoActivities(
  plan: DemoPlan, i: number, c: ActivityCustomer, contactIds: readonly string[], o: { pooled?: boolean } = {},
): DemoActivities {
  const out: DemoActivities = { followups: [], tasks: [], interactions: [], followUpDueAt: null };
  if (!c.owner_id || !c.last_follow_up_at) return out;
  const rng = createRng(plan.seed ^ 0x0f011e, i + 1);
  const owners = ownersOf(plan);
  const ownerName = owners.byId.get(c.owner_id) ?? '';
  const created = Date.parse(c.created_at);
  const last = Date.parse(c.last_follow_up_at);
  // About 6 per customer with follow-ups (1 to 11; about 5 per customer overall), spread from creation to the last one.
  const n = 1 + Math.floor(rng.next() * 8) + Math.floor(rng.next() * 4);
  const dates: number[] = [];
  for (let k = 0; k < n - 1; k++) dates.push(Math.min(last - 60_000, officeTime(rng, created + rng.next() * (last - created), last - 60_000)));
  dates.sort((a, b) => a - b);
  dates.push(last);
  const feedbackOf = FEEDBACK_BY_STATUS[c.status] ?? FEEDBACK_BY_STATUS.potential!;
  for (let k = 0; k < dates.length; k++) {
    const at = Math.max(created, dates[k]!);
    const method = METHOD(rng);
    const fb = feedbackOf(rng);
    const colleague = rng.chance(0.1) ? rng.pick(owners.all) : null;
    const follower = colleague ?? { id: c.owner_id, name: ownerName };
    out.followups.push({
      id: plan.newId(at), contact_id: contactIds.length ? rng.pick(contactIds) : null, followed_at: iso(at), method, follower_id: follower.id,
      follower_name: follower.name, content: fill(rng.pick(CONTENT[method]![fb]!), rng), feedback: fb === 'none' ? null : fb,
      next_action: null, next_follow_up_at: null, task_id: null,
    });
  }
  // Earlier follow-ups that planned the next one: a done follow-up task, done when the next follow-up was logged.
  for (let k = 0; k < out.followups.length - 1; k++) {
    if (!rng.chance(0.35)) continue;
    const f = out.followups[k]!;
    const doneAt = Date.parse(out.followups[k + 1]!.followed_at);
    const due = Math.max(Date.parse(f.followed_at) + 3_600_000, doneAt - rng.int(0, 3) * DAY_MS);
    addTask(plan, rng, out, f, c, { due: Math.min(due, doneAt + DAY_MS * 2), doneAt, ownerName });
  }
  // The open next follow-up task of a customer still being worked (not of one the pool rules took back: it was not).
  const latest = out.followups[out.followups.length - 1]!;
  if (c.status !== 'churned' && rng.chance(c.status === 'potential' ? 0.3 : 0.5) && !o.pooled) {
    const r = rng.next();
    const todayStart = Math.floor((plan.now + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
    const due = r < 0.2 ? plan.now - rng.int(1, 20) * DAY_MS + rng.int(-4, 4) * 3_600_000 // overdue
      : r < 0.3 ? todayStart + (9 + rng.next() * 9) * 3_600_000 // today
        : todayStart + rng.int(1, 30) * DAY_MS + (9 + rng.next() * 9) * 3_600_000;
    const dueAt = Math.max(Math.floor(due), Date.parse(latest.followed_at) + 3_600_000);
    addTask(plan, rng, out, latest, c, { due: dueAt, doneAt: null, ownerName });
    out.followUpDueAt = iso(dueAt);
  }
  // A few service interactions (calls in, tickets) for customers that bought.
  if (c.status === 'won' && rng.chance(0.3)) {
    const k = rng.int(1, 3);
    for (let j = 0; j < k; j++) {
      const at = Math.floor(created + rng.next() * (plan.now - created));
      const inbound = rng.chance(0.7);
      out.interactions.push({
        id: plan.newId(at), contact_id: contactIds.length ? rng.pick(contactIds) : null, kind: 'call', direction: inbound ? 'inbound' : 'outbound',
        occurred_at: iso(at), user_id: c.owner_id, user_name: ownerName, subject: inbound ? '客户来电咨询' : '售后回访电话',
        content: rng.pick(['咨询发票开具问题', `询问${rng.pick(PRODUCTS)}使用方法，已远程指导`, '反馈交付延迟，已协调物流', '续费事宜沟通']),
        duration_seconds: rng.int(60, 1200), problem_type: null, result: rng.pick(['已解决', '已解决', '待跟进']),
      });
    }
  }
  return out;
}

function addTask(plan: DemoPlan, rng: Rng, out: DemoActivities, f: DemoFollowup, c: ActivityCustomer,
  t: { due: number; doneAt: number | null; ownerName: string }) {
  const id = plan.newId(Date.parse(f.followed_at));
  // The task of a follow-up goes to its follower (as syncFollowupTask does); these are the owner's.
  f.follower_id = c.owner_id!;
  f.follower_name = t.ownerName;
  f.next_follow_up_at = iso(t.due);
  f.next_action = rng.pick(NEXT_ACTION[f.feedback ?? 'none']!);
  f.task_id = id;
  const done = t.doneAt !== null;
  out.tasks.push({
    id, subject: `${f.next_action}：${c.name}`, type: TASK_TYPE[f.method] ?? 'call', due_at: iso(t.due), assignee_id: c.owner_id!,
    assignee_name: t.ownerName, priority: rng.chance(0.15) ? 'high' : 'normal', status: done ? 'done' : 'open',
    remind_at: iso(t.due - 15 * 60_000), reminded_at: done || t.due - 15 * 60_000 <= plan.now ? iso(Math.min(plan.now, t.due - 15 * 60_000)) : null,
    done_at: done ? iso(t.doneAt!) : null, on_time: done ? t.doneAt! <= t.due + DAY_MS : null, followup_id: f.id, created_at: f.followed_at,
  });
}

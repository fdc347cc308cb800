import type { BenchFixtures } from './bench-fixtures';
import type { BenchRequest } from './bench-http';

export type Who = 'rep' | 'admin';

/** One request of a scenario and how to tell a right answer (null) from a wrong one (the reason). */
export type BenchStep = { who: Who; req: BenchRequest; check(status: number, body: any): string | null };

/**
 * A scenario: iteration i sends its steps one after the other, and their total time is one sample.
 * `kind` decides its budget (reads and writes differ) and whether the mixed read workload may use it.
 * Imports and exports are measured differently (throughput, not latency): see bench-transfer.ts.
 */
export type BenchScenario = {
  name: string;
  title: string;
  kind: 'read' | 'write';
  steps(i: number): BenchStep[];
  /** Learns from an answer that was timed (the version a PATCH returned); never called for the SQL capture. */
  observe?(i: number, body: any): void;
  /** Reads what the steps need before the first request (current versions); not timed. */
  prepare?(get: (who: Who, path: string) => Promise<any>): Promise<void>;
};

const pick = <T>(list: T[], i: number): T => list[i % list.length]!;
const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

function listCheck(min: number) {
  return (status: number, body: any) => {
    if (status !== 200) return `status ${status}`;
    if (!Array.isArray(body?.items) || typeof body.total !== 'number') return 'not a page';
    if (body.total < min || (body.total > 0 && body.items.length === 0)) return `total ${body.total}`;
    return null;
  };
}
const ok = (expected: number) => (status: number) => (status === expected ? null : `status ${status}`);

const STATUSES = ['potential', 'intent', 'won', 'churned'] as const;

function listScenarios(f: BenchFixtures): BenchScenario[] {
  // The owner-department filter as the condition language says it; status and tag vary a little between requests.
  const ownerInDepartment = { field: 'ownerId', op: 'in', value: f.departmentUserIds };
  const deptStatusTag = (i: number) => ({
    and: [ownerInDepartment, { field: 'status', op: 'eq', value: pick([...STATUSES], i) }, { field: 'tags', op: 'hasAny', value: [f.tags.one] }],
  });
  const list = (who: Who) => (i: number): BenchStep[] => [{
    who, check: listCheck(0),
    req: { method: 'GET', path: `/api/v1/customers?${q({ pageSize: 50, sort: '-lastFollowUpAt', filter: JSON.stringify(deptStatusTag(i)) })}` },
  }];
  const tagsAndBudget = {
    and: [
      { field: 'tags', op: 'hasAll', value: [f.tags.a, f.tags.b] }, { not: { field: 'tags', op: 'hasAny', value: [f.tags.not] } },
      { field: 'custom.budget', op: 'gte', value: f.budgetAtLeast },
    ],
  };
  return [
    { name: 'list-dept-status-tag-rep', title: 'List: owner dept + status + tag, by last follow-up (rep, 本部门)', kind: 'read', steps: list('rep') },
    { name: 'list-dept-status-tag-admin', title: 'List: owner dept + status + tag, by last follow-up (admin)', kind: 'read', steps: list('admin') },
    {
      name: 'list-tags-and-custom-admin', title: 'List: tags A AND B AND NOT C + custom budget ≥ (admin)', kind: 'read',
      steps: () => [{ who: 'admin', check: listCheck(1), req: { method: 'GET', path: `/api/v1/customers?${q({ pageSize: 50, sort: '-lastFollowUpAt', filter: JSON.stringify(tagsAndBudget) })}` } }],
    },
  ];
}

function searchScenarios(f: BenchFixtures): BenchScenario[] {
  const search = (name: string, title: string, words: string[]): BenchScenario => ({
    name, title, kind: 'read',
    steps: (i) => [{ who: 'rep', check: listCheck(1), req: { method: 'GET', path: `/api/v1/customers?${q({ pageSize: 50, q: pick(words, i) })}` } }],
  });
  return [
    search('search-cn-2-chars', 'Search: Chinese, 2 characters (rep)', f.keywords.cn2),
    search('search-cn-3-plus-chars', 'Search: Chinese, 3-4 characters (rep)', f.keywords.cn3),
    search('search-pinyin-initials', 'Search: pinyin initials (rep)', f.keywords.initials),
    search('search-mobile-last-4', 'Search: last 4 digits of a mobile (rep)', f.keywords.last4),
  ];
}

function customer360(f: BenchFixtures): BenchScenario {
  const found = (status: number, body: any) => (status !== 200 ? `status ${status}` : body?.id ? null : 'no customer');
  return {
    name: 'customer-360', title: 'Customer 360: customer + contacts + timeline (rep, 3 requests)', kind: 'read',
    steps: (i) => {
      const id = pick(f.customerIds, i);
      return [
        { who: 'rep', check: found, req: { method: 'GET', path: `/api/v1/customers/${id}` } },
        { who: 'rep', check: listCheck(1), req: { method: 'GET', path: `/api/v1/contacts?${q({ customerId: id, pageSize: 50 })}` } },
        { who: 'rep', check: listCheck(1), req: { method: 'GET', path: `/api/v1/customers/${id}/timeline?${q({ page: 1, pageSize: 20 })}` } },
      ];
    },
  };
}

function writeScenarios(f: BenchFixtures, runTag: number): BenchScenario[] {
  // 147 is a valid mobile prefix the demo data never uses, so a new customer never trips the duplicate check by chance.
  const mobile = (i: number) => `147${String((runTag * 1000 + i) % 100_000_000).padStart(8, '0')}`;
  const versions = new Map<string, number>();
  const editable = f.customerIds.slice(0, Math.max(1, Math.floor(f.customerIds.length / 2)));
  return [
    {
      name: 'create-customer', title: 'Create customer with contact (duplicate check) (rep)', kind: 'write',
      steps: (i) => [{
        who: 'rep', check: ok(201),
        req: {
          method: 'POST', path: '/api/v1/customers',
          body: {
            name: `压测新客户${runTag}号${i}科技有限公司`, type: 'enterprise', industry: 'I', source: 'website', status: 'potential',
            tags: [f.tags.one], contact: { name: '测试联系人', title: '采购经理', mobile: mobile(i), email: `bench${runTag}.${i}@example.com` },
          },
        },
      }],
    },
    {
      name: 'update-customer', title: 'Update customer with version (PATCH) (rep)', kind: 'write',
      prepare: async (get) => {
        for (const id of editable) versions.set(id, (await get('rep', `/api/v1/customers/${id}`)).version);
      },
      steps: (i) => {
        const id = pick(editable, i);
        return [{
          who: 'rep', check: ok(200),
          req: { method: 'PATCH', path: `/api/v1/customers/${id}`, body: { version: versions.get(id) ?? 1, requirement: `压测需求 ${runTag}-${i}`, status: pick([...STATUSES], i) } },
        }];
      },
      observe: (_i, body) => {
        if (body?.id) versions.set(body.id, body.version);
      },
    },
  ];
}

/**
 * 工作台 for a rep: the six requests web/src/app/routes/home.tsx makes when it opens (WorkbenchTasks: today, overdue
 * and the coming week; DueCustomersCard; NotificationsCard; RecentFollowupsCard), with the same parameters.
 * The page fires them together; here they run one after the other, so the sample is their total.
 */
function workbenchRep(): BenchScenario {
  const SHANGHAI = 8 * 3_600_000;
  const DAY = 86_400_000;
  return {
    name: 'workbench-rep', title: 'Workbench (home page) for a rep: 6 requests', kind: 'read',
    steps: () => {
      const now = Date.now();
      const dayStart = Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI;
      const dayEnd = new Date(dayStart + DAY - 1).toISOString();
      return [
        { who: 'rep', check: listCheck(0), req: { method: 'GET', path: `/api/v1/tasks?${q({ mine: 'true', status: 'open', dueFrom: new Date(dayStart).toISOString(), dueTo: dayEnd, sort: 'dueAt', pageSize: 8 })}` } },
        { who: 'rep', check: listCheck(0), req: { method: 'GET', path: `/api/v1/tasks?${q({ mine: 'true', overdue: 'true', sort: 'dueAt', pageSize: 8 })}` } },
        { who: 'rep', check: listCheck(0), req: { method: 'GET', path: `/api/v1/tasks?${q({ mine: 'true', status: 'open', dueFrom: dayEnd, dueTo: new Date(dayStart + 8 * DAY - 1).toISOString(), sort: 'dueAt', pageSize: 8 })}` } },
        { who: 'rep', check: listCheck(0), req: { method: 'GET', path: `/api/v1/followup-sop/due-customers?${q({ mine: 'true', withinDays: 1, pageSize: 8 })}` } },
        { who: 'rep', check: listCheck(0), req: { method: 'GET', path: `/api/v1/notifications?${q({ page: 1, pageSize: 8 })}` } },
        { who: 'rep', check: listCheck(1), req: { method: 'GET', path: `/api/v1/followups?${q({ mine: 'true', pageSize: 6 })}` } },
      ];
    },
  };
}

/** 写跟进 with a next follow-up time: the follow-up, the customer's last follow-up time, a task with its reminder, timeline and audit. */
function createFollowup(f: BenchFixtures, runTag: number): BenchScenario {
  return {
    name: 'create-followup', title: 'Log a follow-up with next follow-up time (creates a task) (rep)', kind: 'write',
    steps: (i) => {
      const at = Date.now();
      return [{
        who: 'rep',
        check: (status, body) => (status !== 201 ? `status ${status}` : body?.taskId ? null : 'no task created'),
        req: {
          method: 'POST', path: '/api/v1/followups',
          body: {
            customerId: pick(f.customerIds, i), date: new Date(at - 60_000).toISOString(), method: pick(['phone', 'wechat', 'visit'], i),
            content: `压测跟进 ${runTag}-${i}：电话沟通报价，客户需要内部评估`, feedback: 'evaluating', nextAction: '跟进评估结果',
            nextFollowUpAt: new Date(at + 3 * 86_400_000).toISOString(),
          },
        },
      }];
    },
  };
}

/** Every scenario, in the order they run: reads first, writes last (so reads see the seeded data as it was). */
export function benchScenarios(f: BenchFixtures, runTag: number): BenchScenario[] {
  return [...listScenarios(f), ...searchScenarios(f), customer360(f), workbenchRep(), ...writeScenarios(f, runTag), createFollowup(f, runTag)];
}

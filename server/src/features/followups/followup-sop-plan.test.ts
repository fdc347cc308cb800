import { DEFAULT_FOLLOWUP_SOP } from '@guanxi/common/followup-sop';
import { describe, expect, it } from 'vitest';
import { plannedSopTasks } from './followup-sop.service';

const base = { id: 'c1', name: '远航物流', owner_id: 'u1', created_at: '2026-01-10T02:00:00.000Z', last_follow_up_at: null, won_at: null };
const keys = (tasks: Array<{ sopKey: string; dueAt: string }>) => tasks.map((t) => [t.sopKey, t.dueAt]);

describe('follow-up SOP plan (seed 002 cadence)', () => {
  const now = new Date('2026-03-01T00:00:00Z');

  it('潜在: first follow-up within 7 days of acquisition, only until the first follow-up', () => {
    expect(keys(plannedSopTasks({ ...base, status: 'potential' }, DEFAULT_FOLLOWUP_SOP, now))).toEqual([['potential-first:c1', '2026-01-17T02:00:00.000Z']]);
    expect(plannedSopTasks({ ...base, status: 'potential', last_follow_up_at: '2026-01-12T02:00:00.000Z' }, DEFAULT_FOLLOWUP_SOP, now)).toEqual([]);
  });

  it('意向: a week after the last follow-up', () => {
    expect(keys(plannedSopTasks({ ...base, status: 'intent', last_follow_up_at: '2026-02-20T06:00:00.000Z' }, DEFAULT_FOLLOWUP_SOP, now)))
      .toEqual([['intent:c1:2026-02-27', '2026-02-27T06:00:00.000Z']]);
  });

  it('成交: onboarding call and satisfaction survey within 7 days of the deal, once', () => {
    const won = { ...base, status: 'won', won_at: '2026-02-20T02:00:00.000Z' };
    expect(plannedSopTasks(won, DEFAULT_FOLLOWUP_SOP, now).map((t) => [t.sopKey, t.type, t.dueAt])).toEqual([
      ['won-onboard:c1', 'call', '2026-02-27T02:00:00.000Z'], ['won-survey:c1', 'email', '2026-02-27T02:00:00.000Z'],
    ]);
    expect(plannedSopTasks({ ...won, last_follow_up_at: '2026-02-25T02:00:00.000Z' }, DEFAULT_FOLLOWUP_SOP, now)).toEqual([]);
    expect(plannedSopTasks(won, { ...DEFAULT_FOLLOWUP_SOP, won: { enabled: true, withinDays: 7, survey: false } }, now)).toHaveLength(1);
  });

  it('老客户: from 3 months after the deal, quarterly after the last follow-up', () => {
    const loyal = { ...base, status: 'won', won_at: '2025-10-01T02:00:00.000Z' };
    expect(keys(plannedSopTasks(loyal, DEFAULT_FOLLOWUP_SOP, now))).toEqual([['loyal:c1:2026-01-01', '2026-01-01T02:00:00.000Z']]);
    expect(keys(plannedSopTasks({ ...loyal, last_follow_up_at: '2026-02-10T02:00:00.000Z' }, DEFAULT_FOLLOWUP_SOP, now)))
      .toEqual([['loyal:c1:2026-05-10', '2026-05-10T02:00:00.000Z']]);
    expect(plannedSopTasks(loyal, { ...DEFAULT_FOLLOWUP_SOP, loyal: { enabled: false, afterMonths: 3, everyMonths: 3 } }, now)).toEqual([]);
  });

  it('流失 customers and disabled stages get nothing', () => {
    expect(plannedSopTasks({ ...base, status: 'churned' }, DEFAULT_FOLLOWUP_SOP, now)).toEqual([]);
    expect(plannedSopTasks({ ...base, status: 'potential' }, { ...DEFAULT_FOLLOWUP_SOP, potential: { enabled: false, firstWithinDays: 7 } }, now)).toEqual([]);
  });
});

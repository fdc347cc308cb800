/**
 * Field labels and rule messages of follow-ups, tasks and interactions, spread into the catalogues of i18n.ts
 * (kept apart so parallel modules do not edit the same lines).
 */
export const ACTIVITY_FIELDS = {
  'zh-CN': {
    date: '跟进时间', method: '跟进方式', followerId: '跟进人', content: '内容', feedback: '客户反馈', nextAction: '下一步计划',
    nextFollowUpAt: '下次跟进时间', contactId: '联系人', subject: '主题', dueAt: '截止时间', assigneeId: '执行人', priority: '优先级',
    remindOffsetMinutes: '提前提醒', rule: '重复规则', 'rule.freq': '重复频率', 'rule.time': '时间', 'rule.weekday': '星期',
    'rule.monthDay': '每月日期', startsOn: '开始日期', endsOn: '结束日期', kind: '交互类型', direction: '方向', occurredAt: '发生时间',
    durationSeconds: '通话时长', problemType: '问题类型', result: '处理结果', dueFrom: '截止时间起', dueTo: '截止时间止',
    'sop.potential.firstWithinDays': '潜在客户首次跟进天数', 'sop.intent.everyDays': '意向客户跟进间隔', 'sop.won.withinDays': '成交客户回访天数',
    'sop.loyal.afterMonths': '转为老客户的月数', 'sop.loyal.everyMonths': '老客户跟进间隔',
    customerNumber: '客户编号', customerName: '客户名称', contact: '联系人', follower: '跟进人',
  },
  en: {
    date: 'Follow-up time', method: 'Method', followerId: 'Follower', content: 'Content', feedback: 'Customer feedback', nextAction: 'Next action',
    nextFollowUpAt: 'Next follow-up time', contactId: 'Contact', subject: 'Subject', dueAt: 'Due time', assigneeId: 'Assignee', priority: 'Priority',
    remindOffsetMinutes: 'Reminder', rule: 'Recurrence', 'rule.freq': 'Frequency', 'rule.time': 'Time', 'rule.weekday': 'Weekday',
    'rule.monthDay': 'Day of month', startsOn: 'Start date', endsOn: 'End date', kind: 'Interaction type', direction: 'Direction', occurredAt: 'Time',
    durationSeconds: 'Call duration', problemType: 'Problem type', result: 'Result', dueFrom: 'Due from', dueTo: 'Due to',
    'sop.potential.firstWithinDays': 'Days to first follow-up of a potential customer', 'sop.intent.everyDays': 'Follow-up interval of intent customers',
    'sop.won.withinDays': 'Days to onboarding contact after a deal', 'sop.loyal.afterMonths': 'Months until a customer is long-standing',
    'sop.loyal.everyMonths': 'Follow-up interval of long-standing customers',
    customerNumber: 'Customer number', customerName: 'Customer name', contact: 'Contact', follower: 'Follower',
  },
} as const;

export const ACTIVITY_RULES = {
  'zh-CN': {
    datetime: '{field}应为带时区的日期时间，如 2026-11-24T10:00:00+08:00',
    after_date: '{field}应晚于跟进时间',
    time_of_day: '{field}应为 24 小时制时间，如 14:00',
    not_customer_contact: '{field}不是该客户的联系人',
    task_closed: '任务已完成或已取消',
    customer_ref: '请填写客户名称或客户编号',
    customer_unknown: '找不到{field}为“{value}”的客户（或不在你的数据范围内）',
    customer_ambiguous: '{field}为“{value}”的客户有多个，请改用客户编号',
    user_unknown: '找不到{field}“{value}”对应的在职用户',
    contact_unknown: '该客户没有姓名或手机号为“{value}”的联系人',
  },
  en: {
    datetime: '{field} must be a date and time with an offset, like 2026-11-24T10:00:00+08:00',
    after_date: '{field} must be later than the follow-up time',
    time_of_day: '{field} must be a 24-hour time like 14:00',
    not_customer_contact: '{field} is not a contact of this customer',
    task_closed: 'The task is already done or cancelled',
    customer_ref: 'Give the customer name or the customer number',
    customer_unknown: 'No customer with {field} "{value}" (or it is outside your data scope)',
    customer_ambiguous: 'Several customers have {field} "{value}"; use the customer number',
    user_unknown: 'No active user matches {field} "{value}"',
    contact_unknown: 'The customer has no contact named "{value}" or with that mobile',
  },
} as const;

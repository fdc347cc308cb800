import { ACTIVITY_FIELDS, ACTIVITY_RULES } from './activities-i18n';
import type { ErrorCode } from './errors';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Picks zh-CN or en from an Accept-Language header (zh-CN is the default). */
export function resolveLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

type Catalogue = Record<string, string>;

const ERRORS: Record<Locale, Record<ErrorCode, string>> = {
  'zh-CN': {
    VALIDATION_FAILED: '提交的数据有误，请检查标出的字段',
    UNAUTHENTICATED: '请先登录',
    INVALID_CREDENTIALS: '邮箱或密码不正确',
    ACCOUNT_DISABLED: '该账号已停用，请联系管理员',
    FORBIDDEN: '没有执行此操作的权限',
    CSRF_FAILED: '请求校验失败，请刷新页面后重试',
    NOT_FOUND: '记录不存在或无权访问',
    VERSION_CONFLICT: '该记录已被他人修改，请刷新后再保存',
    CONFLICT: '与已有数据冲突',
    DUPLICATE: '疑似重复记录',
    PAYLOAD_TOO_LARGE: '上传内容过大',
    UNPROCESSABLE: '该操作无法完成',
    TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试',
    INTERNAL: '服务器内部错误，请稍后重试',
  },
  en: {
    VALIDATION_FAILED: 'Some fields are invalid; please check the marked fields',
    UNAUTHENTICATED: 'Please sign in',
    INVALID_CREDENTIALS: 'Email or password is incorrect',
    ACCOUNT_DISABLED: 'This account is deactivated; contact your administrator',
    FORBIDDEN: 'You do not have permission to do this',
    CSRF_FAILED: 'Request verification failed; reload the page and try again',
    NOT_FOUND: 'The record does not exist or you may not access it',
    VERSION_CONFLICT: 'Someone else changed this record; reload it before saving',
    CONFLICT: 'This conflicts with existing data',
    DUPLICATE: 'This looks like a duplicate',
    PAYLOAD_TOO_LARGE: 'The upload is too large',
    UNPROCESSABLE: 'This action cannot be completed',
    TOO_MANY_ATTEMPTS: 'Too many attempts; try again later',
    INTERNAL: 'Internal server error; please try again later',
  },
};

/** Field labels used in validation messages; the key is the last segment of the field path. */
const FIELDS: Record<Locale, Catalogue> = {
  'zh-CN': {
    ...ACTIVITY_FIELDS['zh-CN'],
    name: '名称', companyName: '公司名称', industry: '所属行业', staffSize: '人员规模', adminName: '管理员姓名',
    email: '邮箱', mobile: '手机号', password: '密码', currentPassword: '当前密码', newPassword: '新密码',
    departmentId: '所属部门', roleId: '角色', superiorId: '直属上级', parentId: '上级部门', headId: '部门负责人',
    code: '编码', dataScope: '数据范围', permissions: '权限', viewSensitive: '查看敏感数据', description: '描述',
    version: '版本', active: '启用状态', locale: '语言', timezone: '时区', expiresAt: '过期时间', sort: '排序',
    page: '页码', pageSize: '每页条数', q: '关键词', filter: '筛选条件',
    type: '类型', industryNote: '行业说明', source: '客户来源', size: '客户规模', province: '省份', city: '城市', district: '区县',
    street: '详细地址', ownerId: '负责人', status: '客户状态', tags: '标签', requirement: '需求描述', product: '产品偏好',
    communication: '沟通偏好', valueTier: '客户分层', riskLevel: '风险等级', firstContactAt: '首次接触时间', purchaseFrequency: '购买频次',
    avgOrderValue: '客单价', gender: '性别', birthday: '生日', staffCount: '员工人数', annualRevenue: '年营收', title: '职位',
    landline: '固定电话', role: '联系人角色', preferredChannel: '偏好沟通方式', notes: '备注', customerId: '客户', isPrimary: '主联系人',
    labelZh: '中文名称', labelEn: '英文名称', key: '字段标识', options: '选项', required: '必填', group: '标签分组', color: '颜色',
    ids: '所选记录', action: '操作', reason: '原因', weights: '权重',
    file: '文件', sourceId: '被合并的客户', columns: '显示列', shared: '共享', entity: '对象类型',
    'contact.name': '联系人姓名', 'contact.title': '联系人职位', 'contact.email': '联系人邮箱', 'contact.mobile': '联系人手机号',
    duplicatePolicy: '重复处理方式', mapping: '列映射', format: '文件格式',
  },
  en: {
    ...ACTIVITY_FIELDS.en,
    name: 'Name', companyName: 'Company name', industry: 'Industry', staffSize: 'Staff size', adminName: 'Admin name',
    email: 'Email', mobile: 'Mobile', password: 'Password', currentPassword: 'Current password', newPassword: 'New password',
    departmentId: 'Department', roleId: 'Role', superiorId: 'Superior', parentId: 'Parent department', headId: 'Department head',
    code: 'Code', dataScope: 'Data scope', permissions: 'Permissions', viewSensitive: 'View sensitive data', description: 'Description',
    version: 'Version', active: 'Active', locale: 'Language', timezone: 'Time zone', expiresAt: 'Expires at', sort: 'Sort',
    page: 'Page', pageSize: 'Page size', q: 'Keyword', filter: 'Filter',
    type: 'Type', industryNote: 'Industry note', source: 'Source', size: 'Company size', province: 'Province', city: 'City', district: 'District',
    street: 'Street address', ownerId: 'Owner', status: 'Status', tags: 'Tags', requirement: 'Requirement', product: 'Product preference',
    communication: 'Communication preference', valueTier: 'Value tier', riskLevel: 'Risk level', firstContactAt: 'First contact', purchaseFrequency: 'Purchase frequency',
    avgOrderValue: 'Average order value', gender: 'Gender', birthday: 'Birthday', staffCount: 'Staff count', annualRevenue: 'Annual revenue', title: 'Position',
    landline: 'Landline', role: 'Contact role', preferredChannel: 'Preferred channel', notes: 'Notes', customerId: 'Customer', isPrimary: 'Primary contact',
    labelZh: 'Chinese label', labelEn: 'English label', key: 'Field key', options: 'Options', required: 'Required', group: 'Tag group', color: 'Colour',
    ids: 'Selected records', action: 'Action', reason: 'Reason', weights: 'Weights',
    file: 'File', sourceId: 'Customer to merge', columns: 'Columns', shared: 'Shared', entity: 'Record type',
    'contact.name': 'Contact name', 'contact.title': 'Contact position', 'contact.email': 'Contact email', 'contact.mobile': 'Contact mobile',
    duplicatePolicy: 'Duplicate handling', mapping: 'Column mapping', format: 'File format',
  },
};

/** Validation rules: `{field}` is the field's label; other `{x}` come from the rule's parameters. */
const RULES: Record<Locale, Catalogue> = {
  'zh-CN': {
    ...ACTIVITY_RULES['zh-CN'],
    required: '{field}为必填项',
    min_length: '{field}至少需要 {min} 个字符',
    max_length: '{field}不能超过 {max} 个字符',
    min_value: '{field}不能小于 {min}',
    max_value: '{field}不能大于 {max}',
    min_items: '{field}至少需要 {min} 项',
    max_items: '{field}不能超过 {max} 项',
    email: '{field}格式不正确，应为类似 name@example.com 的邮箱地址',
    mobile: '{field}格式不正确，应为 11 位中国大陆手机号（如 13812345678）',
    password: '{field}至少 8 位，且需同时包含字母和数字',
    one_of: '{field}的取值无效，可选值：{options}',
    type: '{field}的类型不正确',
    integer: '{field}必须是整数',
    format: '{field}格式不正确',
    unknown_field: '不支持的字段 {field}',
    email_taken: '{field}已被其他账号使用',
    taken: '{field}已存在，请换一个',
    not_found: '{field}指向的记录不存在',
    cycle: '{field}不能是自己或自己的下级',
    has_members: '该部门下还有成员或子部门，无法删除',
    role_in_use: '该角色仍有用户在使用，无法删除',
    last_admin: '必须至少保留一名启用的管理员',
    system_role: '系统预置角色的编码不可修改',
    wrong_password: '{field}不正确',
    self_deactivate: '不能停用自己的账号',
    unknown_filter_field: '筛选条件中的字段 {name} 不存在或不可筛选',
    system_entry: '系统内置项不可删除或停用',
    money: '{field}应为金额，最多两位小数',
    date: '{field}应为日期，格式如 2024-05-20',
    dictionary: '{field}的取值不在字典中：{value}',
    note_required: '选择“其他”时需填写{field}',
    landline: '{field}格式不正确，应为区号-号码，可带分机（如 010-12345678-801）',
    address: '{field}与所选省市不匹配',
    primary_contact: '每个客户必须保留一位主联系人',
    duplicate: '{field}与已有客户重复：{name}（负责人：{owner}）',
    owner_inactive: '{field}不是本公司的在职用户',
    claim_cap: '今日领取已达上限（{max} 个）',
    merged: '该客户已合并到其他客户，无法恢复',
    content_type: '请求内容应为 JSON（Content-Type: application/json）',
    hold_limit: '持有客户数已达上限（{max} 个）',
    cooldown: '该客户刚从您名下退回公海，{days} 天后才能再次领取',
    not_in_pool: '该客户不在公海中',
    not_member: '您不是该公海的成员',
    file_type: '{field}的类型不受支持，仅允许：{allowed}',
    file_too_large: '{field}不能超过 {max}',
    file_empty: '{field}不能是空文件',
    unknown_column: '列 {name} 不存在或不可显示',
    same_record: '{field}不能是当前客户本身',
    // jobs, notifications, time zones (issue 4 §7–8)
    job_not_retryable: '只有失败或已取消的任务可以重试（当前状态：{state}）',
    job_not_cancellable: '只有排队中的任务可以取消（当前状态：{state}）',
    timezone: '{field}不是有效的 IANA 时区（如 Asia/Shanghai）',
    number: '{field}应为数字',
    boolean: '{field}应为“是”或“否”',
    xls_binary: '{field}是旧版 Excel（.xls）或网页格式，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入',
    no_header: '{field}中没有找到表头行（前 20 行中应有列名）',
    not_mapped: '必填字段{field}没有对应的列，请在列映射中选择',
    import_state: '导入任务当前的状态不允许此操作（例如已在运行、已结束或已取消）',
    export_state: '导出文件尚未生成',
    row_failed: '该行无法写入，请检查后重新导入',
  },
  en: {
    ...ACTIVITY_RULES.en,
    required: '{field} is required',
    min_length: '{field} must be at least {min} characters',
    max_length: '{field} must be at most {max} characters',
    min_value: '{field} must be at least {min}',
    max_value: '{field} must be at most {max}',
    min_items: '{field} needs at least {min} items',
    max_items: '{field} allows at most {max} items',
    email: '{field} must be an email address like name@example.com',
    mobile: '{field} must be an 11-digit mainland China mobile number (e.g. 13812345678)',
    password: '{field} must be at least 8 characters and contain letters and digits',
    one_of: '{field} must be one of: {options}',
    type: '{field} has the wrong type',
    integer: '{field} must be a whole number',
    format: '{field} has an invalid format',
    unknown_field: 'Unknown field {field}',
    email_taken: '{field} is already used by another account',
    taken: '{field} is already in use; choose another',
    not_found: '{field} refers to a record that does not exist',
    cycle: '{field} cannot be the record itself or one of its descendants',
    has_members: 'The department still has members or sub-departments and cannot be deleted',
    role_in_use: 'Users still have this role; it cannot be deleted',
    last_admin: 'At least one active administrator must remain',
    system_role: 'The code of a built-in role cannot be changed',
    wrong_password: '{field} is incorrect',
    self_deactivate: 'You cannot deactivate your own account',
    unknown_filter_field: 'The filter field {name} does not exist or cannot be filtered',
    system_entry: 'Built-in entries cannot be deleted or deactivated',
    money: '{field} must be an amount with at most two decimals',
    date: '{field} must be a date like 2024-05-20',
    dictionary: '{field} has a value that is not in the dictionary: {value}',
    note_required: '{field} is required when "Other" is chosen',
    landline: '{field} must be area code and number, optionally with an extension (e.g. 010-12345678-801)',
    address: '{field} does not belong to the chosen province/city',
    primary_contact: 'A customer must keep one primary contact',
    duplicate: '{field} matches an existing customer: {name} (owner: {owner})',
    owner_inactive: '{field} is not an active user of this company',
    claim_cap: 'Daily claim limit reached ({max})',
    merged: 'This customer was merged into another one and cannot be restored',
    content_type: 'The request body must be JSON (Content-Type: application/json)',
    hold_limit: 'You already hold the maximum number of customers ({max})',
    cooldown: 'This customer just returned to the pool from you; you can claim it again in {days} days',
    not_in_pool: 'This customer is not in the pool',
    not_member: 'You are not a member of this pool',
    file_type: '{field} must be one of these types: {allowed}',
    file_too_large: '{field} must not be larger than {max}',
    file_empty: '{field} is an empty file',
    unknown_column: 'The column {name} does not exist or cannot be shown',
    same_record: '{field} cannot be the customer itself',
    // jobs, notifications, time zones (issue 4 §7–8)
    job_not_retryable: 'Only a failed or cancelled job can be retried (it is {state})',
    job_not_cancellable: 'Only a queued job can be cancelled (it is {state})',
    timezone: '{field} is not a valid IANA time zone (e.g. Asia/Shanghai)',
    number: '{field} must be a number',
    boolean: '{field} must be yes or no',
    xls_binary: '{field} is an old Excel (.xls) or web-page file; save it as .xlsx or CSV in Excel/WPS and import that',
    no_header: 'No header row found in {field} (the first 20 rows should contain the column names)',
    not_mapped: 'The required field {field} has no column; choose one in the mapping',
    import_state: 'The import’s current state does not allow this (it is already running, finished or cancelled)',
    export_state: 'The export file is not ready yet',
    row_failed: 'This row could not be written; check it and import it again',
  },
};

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function errorMessage(locale: Locale, code: ErrorCode): string {
  return ERRORS[locale][code];
}

export function fieldLabel(locale: Locale, field: string): string {
  const path = field.split('.').filter((s) => !/^\d+$/.test(s));
  const last = path[path.length - 1] ?? field;
  return FIELDS[locale][path.join('.')] ?? FIELDS[locale][last] ?? last;
}

/** A rule message naming the field, e.g. ruleMessage('en', 'mobile', 'mobile') → "Mobile must be …". */
export function ruleMessage(
  locale: Locale,
  rule: string,
  field: string,
  params: Record<string, string | number> = {},
): string {
  const template = RULES[locale][rule] ?? RULES[locale].format ?? rule;
  // A `label` parameter names fields the catalogue cannot know (custom fields).
  return fill(template, { ...params, field: params.label ?? fieldLabel(locale, field) });
}

export function isKnownRule(rule: string): boolean {
  return rule in RULES.en;
}

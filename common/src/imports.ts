import { z } from 'zod';
import { ZPageQuery } from './pagination';

/** What an import creates: customers with their first contact, contacts of existing customers, follow-up records. */
export const IMPORT_TYPES = ['customers', 'contacts', 'followups'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

/** What to do with a row that looks like an existing customer (in the database or earlier in the same file). */
export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Upload limit for import files (100,000 rows of a typical customer sheet are about 15 MiB as csv). */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

/**
 * The fields a customer import fills, each with the headers that map to it automatically (compared after
 * normalisation: full-width to half-width, spaces, punctuation and "(必填)" removed, lower case).
 * `custom.<key>` fields are added per tenant from its custom-field labels.
 */
export const CUSTOMER_IMPORT_FIELDS = {
  name: ['客户名称', '客户', '公司名称', '公司', '企业名称', '企业', '单位名称', '单位', '客户全称', '名称', 'customer', 'customername', 'company', 'companyname', 'name', 'account'],
  type: ['客户类型', '类型', 'type', 'customertype'],
  industry: ['所属行业', '行业', 'industry'],
  industryNote: ['行业说明', '行业备注', 'industrynote'],
  source: ['客户来源', '来源', '渠道', 'source', 'leadsource'],
  size: ['客户规模', '企业规模', '规模', 'size', 'companysize'],
  status: ['客户状态', '状态', 'status'],
  'address.province': ['省份', '省', '所在省份', 'province', 'state'],
  'address.city': ['城市', '市', '所在城市', 'city'],
  'address.district': ['区县', '区', '县', 'district'],
  'address.street': ['详细地址', '地址', '街道地址', '公司地址', 'address', 'street', 'streetaddress'],
  tags: ['标签', 'tags', 'tag'],
  requirement: ['需求描述', '需求', '客户需求', 'requirement', 'requirements'],
  valueTier: ['客户分层', '客户等级', '等级', '分层', 'valuetier', 'tier'],
  riskLevel: ['风险等级', '风险', 'risklevel', 'risk'],
  firstContactAt: ['首次接触时间', '首次接触', '首次联系时间', 'firstcontact', 'firstcontactat'],
  purchaseFrequency: ['购买频次', '购买次数', 'purchasefrequency'],
  avgOrderValue: ['客单价', '平均订单金额', 'avgordervalue', 'averageordervalue'],
  staffCount: ['员工人数', '人数', '员工数', 'staffcount', 'employees'],
  annualRevenue: ['年营收', '年营业额', '年收入', 'annualrevenue', 'revenue'],
  'contact.name': ['联系人', '联系人姓名', '姓名', '联系人名称', 'contact', 'contactname', 'fullname'],
  'contact.title': ['职位', '职务', '联系人职位', 'title', 'position', 'jobtitle'],
  'contact.mobile': ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', '移动电话', '联系人手机', 'mobile', 'phone', 'cellphone', 'mobilephone', 'tel'],
  'contact.landline': ['座机', '固定电话', '固话', '办公电话', 'landline', 'officephone'],
  'contact.email': ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail', 'mail', '联系人邮箱'],
  'contact.role': ['联系人角色', '角色', 'contactrole', 'role'],
} as const;
export type CustomerImportField = keyof typeof CUSTOMER_IMPORT_FIELDS;
export const CUSTOMER_IMPORT_FIELD_KEYS = Object.keys(CUSTOMER_IMPORT_FIELDS) as CustomerImportField[];

/** How contact and follow-up rows name their customer: by number (exact) or by name (as 查重 normalises it). */
const CUSTOMER_REF_FIELDS = {
  customerNumber: ['客户编号', '客户编码', '编号', 'customernumber', 'customerno', 'number'],
  customerName: ['客户名称', '客户', '公司名称', '公司', '企业名称', '单位名称', '所属客户', '客户全称', 'customer', 'customername', 'company', 'companyname', 'account'],
} as const;

/** The fields a contact import fills (contacts of existing customers). `custom.<key>`: the tenant's contact fields. */
export const CONTACT_IMPORT_FIELDS = {
  ...CUSTOMER_REF_FIELDS,
  'contact.name': ['联系人', '联系人姓名', '姓名', '名字', 'contact', 'contactname', 'name', 'fullname'],
  'contact.title': ['职位', '职务', '联系人职位', 'title', 'position', 'jobtitle'],
  'contact.mobile': CUSTOMER_IMPORT_FIELDS['contact.mobile'],
  'contact.landline': CUSTOMER_IMPORT_FIELDS['contact.landline'],
  'contact.email': CUSTOMER_IMPORT_FIELDS['contact.email'],
  'contact.role': CUSTOMER_IMPORT_FIELDS['contact.role'],
  'contact.isPrimary': ['主联系人', '是否主联系人', '首要联系人', 'primary', 'isprimary'],
  'contact.notes': ['备注', '说明', 'notes', 'note', 'remark', 'remarks'],
  'contact.birthday': ['生日', '出生日期', 'birthday', 'dateofbirth'],
} as const;

/** The fields a follow-up import fills. */
export const FOLLOWUP_IMPORT_FIELDS = {
  ...CUSTOMER_REF_FIELDS,
  contact: ['联系人', '联系人姓名', '拜访对象', '沟通对象', 'contact', 'contactname'],
  date: ['跟进时间', '跟进日期', '日期', '时间', '拜访时间', '沟通时间', 'date', 'time', 'followupdate', 'followuptime'],
  method: ['跟进方式', '方式', '沟通方式', '拜访方式', 'method', 'channel'],
  follower: ['跟进人', '负责人', '销售', '业务员', 'follower', 'owner', 'salesrep', 'rep'],
  content: ['跟进内容', '内容', '沟通内容', '跟进记录', '记录', '拜访记录', 'content', 'notes', 'summary', 'details'],
  feedback: ['客户反馈', '反馈', '意向', 'feedback'],
  nextAction: ['下一步计划', '下一步', '后续计划', '下一步行动', 'nextaction', 'nextstep'],
  nextFollowUpAt: ['下次跟进时间', '下次跟进', '下次联系时间', 'nextfollowup', 'nextfollowupat', 'nextcontact'],
} as const;

/** Synonyms, required fields and the modules whose `import` right each type needs, by import type. */
export const IMPORT_FIELDS: Record<ImportType, Record<string, readonly string[]>> = {
  customers: CUSTOMER_IMPORT_FIELDS, contacts: CONTACT_IMPORT_FIELDS, followups: FOLLOWUP_IMPORT_FIELDS,
};
export const IMPORT_REQUIRED_FIELDS: Record<ImportType, readonly string[]> = {
  customers: ['name', 'industry', 'source', 'contact.name', 'contact.mobile'],
  contacts: ['contact.name', 'contact.mobile'],
  followups: ['date', 'method', 'content'],
};
export const IMPORT_MODULE = { customers: 'customers', contacts: 'contacts', followups: 'followups' } as const satisfies Record<ImportType, string>;
/** Follow-ups are checked for duplicates too, but an "update" of one is not offered (a record of what happened). */
export const IMPORT_POLICIES: Record<ImportType, readonly DuplicatePolicy[]> = {
  customers: DUPLICATE_POLICIES, contacts: DUPLICATE_POLICIES, followups: ['skip', 'create'],
};

/** Headers of the columns an error report adds; they map to nothing when the corrected report is imported again. */
export const ERROR_REPORT_COLUMNS = { reason: { 'zh-CN': '错误原因', en: 'Errors' }, row: { 'zh-CN': '原文件行号', en: 'Original row' } } as const;

/** Column index (0-based, as a string) → target field (`name`, `contact.mobile`, `custom.<key>`), or absent to skip it. */
export const ZImportMapping = z.record(z.string().regex(/^\d{1,4}$/), z.string().max(80));
export type TImportMapping = z.infer<typeof ZImportMapping>;

export const ZImportColumn = z.object({ index: z.number().int(), header: z.string(), field: z.string().nullable() });

export const ZImportCellProblem = z.object({ field: z.string(), column: z.number().int().nullable(), rule: z.string(), message: z.string() });
export const ZImportPreviewRow = z.object({
  row: z.number().int(),
  cells: z.array(z.string()),
  problems: z.array(ZImportCellProblem),
  /** Looks like an existing customer (`db`) or an earlier row of the file (`file`). */
  duplicate: z.enum(['db', 'file']).nullable(),
});

export const ZImport = z.object({
  id: z.string(),
  type: z.enum(IMPORT_TYPES),
  fileName: z.string(),
  fileSize: z.number().int(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  status: z.enum(IMPORT_STATUSES),
  duplicatePolicy: z.enum(DUPLICATE_POLICIES).nullable(),
  /** Data rows in the file (known once the run has counted them). */
  total: z.number().int().nullable(),
  /** Data rows done: rows 1..processed are in (written, updated, skipped or reported); the rest are not. */
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** Rows per second of the current run, and the seconds it still needs at that rate. */
  rate: z.number().nullable(),
  etaSeconds: z.number().int().nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TImport = z.infer<typeof ZImport>;

export const ZImportPreview = z.object({
  import: ZImport,
  headerRow: z.number().int(),
  columns: z.array(ZImportColumn),
  rows: z.array(ZImportPreviewRow),
  /** Fields the tenant's import can fill (built-in and custom), with labels in the user's language. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZStartImportRequest = z.object({
  mapping: ZImportMapping,
  duplicatePolicy: z.enum(DUPLICATE_POLICIES),
  /** Values for fields the file does not have (e.g. every row's source), by code or label. */
  defaults: z.record(z.string().max(80), z.string().max(200)).optional(),
});
export type TStartImportRequest = z.infer<typeof ZStartImportRequest>;

export const ZPreviewImportRequest = ZStartImportRequest.pick({ mapping: true, defaults: true });

export const ZListImportsQuery = ZPageQuery.pick({ page: true, pageSize: true });

export const EXPORT_TYPES = ['customers', 'contacts'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

export const ZCreateExportRequest = z.object({
  type: z.enum(EXPORT_TYPES),
  format: z.enum(EXPORT_FORMATS).default('xlsx'),
  /** The list's own parameters: condition tree (JSON text), keyword, sort, shortcuts. */
  filter: z.string().max(8000).optional(),
  q: z.string().max(100).optional(),
  sort: z.string().max(60).optional(),
  ownerId: z.string().max(64).optional(),
  status: z.string().max(20).optional(),
  tag: z.string().max(30).optional(),
  customerId: z.string().max(64).optional(),
  /** Column keys in order (the list's visible columns); default: every column. */
  columns: z.array(z.string().max(80)).max(80).optional(),
});
export type TCreateExportRequest = z.infer<typeof ZCreateExportRequest>;

export const ZExport = z.object({
  id: z.string(),
  type: z.enum(EXPORT_TYPES),
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(EXPORT_STATUSES),
  total: z.number().int().nullable(),
  processed: z.number().int(),
  fileName: z.string(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TExport = z.infer<typeof ZExport>;

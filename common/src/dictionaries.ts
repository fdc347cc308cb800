import { z } from 'zod';
import { zText, zVersion } from './validation';

/** Admin-editable dictionaries (PRODUCT.md M1). Values travel as stable codes; labels are zh-CN / en. */
export const DICTIONARY_TYPES = ['industry', 'source', 'size', 'status', 'contact_role', 'followup_method'] as const;
export type DictionaryType = (typeof DICTIONARY_TYPES)[number];

export type SeedEntry = { code: string; zh: string; en: string; needsNote?: boolean; system?: boolean };

/** Customer lifecycle status codes are fixed (the product's rules use them); their labels are editable. */
export const CUSTOMER_STATUSES = ['potential', 'intent', 'won', 'churned'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const SEED_DICTIONARIES: Record<DictionaryType, SeedEntry[]> = {
  // GB/T 4754-2017 sections A–T, plus 其他 with a note.
  industry: [
    { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
    { code: 'B', zh: '采矿业', en: 'Mining' },
    { code: 'C', zh: '制造业', en: 'Manufacturing' },
    { code: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply' },
    { code: 'E', zh: '建筑业', en: 'Construction' },
    { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade' },
    { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' },
    { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering' },
    { code: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
    { code: 'J', zh: '金融业', en: 'Finance' },
    { code: 'K', zh: '房地产业', en: 'Real estate' },
    { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services' },
    { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
    { code: 'N', zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities management' },
    { code: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services' },
    { code: 'P', zh: '教育', en: 'Education' },
    { code: 'Q', zh: '卫生和社会工作', en: 'Health and social work' },
    { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
    { code: 'S', zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
    { code: 'T', zh: '国际组织', en: 'International organisations' },
    { code: 'other', zh: '其他', en: 'Other', needsNote: true, system: true },
  ],
  source: [
    { code: 'trade_show', zh: '展会推广', en: 'Trade show' },
    { code: 'referral', zh: '客户转介绍', en: 'Customer referral' },
    { code: 'online', zh: '线上平台', en: 'Online platform' },
    { code: 'website', zh: '官网咨询', en: 'Website enquiry', system: true },
    { code: 'telemarketing', zh: '电话营销', en: 'Telemarketing' },
    { code: 'advertising', zh: '广告投放', en: 'Advertising' },
    { code: 'other', zh: '其他', en: 'Other' },
  ],
  size: [
    { code: 'large', zh: '大型企业（500人以上）', en: 'Large (over 500 staff)' },
    { code: 'medium', zh: '中型企业（100-500人）', en: 'Medium (100–500 staff)' },
    { code: 'small', zh: '小型企业（100人以下）', en: 'Small (under 100 staff)' },
  ],
  status: [
    { code: 'potential', zh: '潜在客户', en: 'Potential', system: true },
    { code: 'intent', zh: '意向客户', en: 'Interested', system: true },
    { code: 'won', zh: '成交客户', en: 'Won', system: true },
    { code: 'churned', zh: '流失客户', en: 'Churned', system: true },
  ],
  contact_role: [
    { code: 'decision_maker', zh: '主要决策人', en: 'Decision maker' },
    { code: 'technical', zh: '技术对接人', en: 'Technical contact' },
    { code: 'purchasing', zh: '采购', en: 'Purchasing' },
    { code: 'user', zh: '使用者', en: 'User' },
    { code: 'finance', zh: '财务', en: 'Finance' },
    { code: 'other', zh: '其他', en: 'Other' },
  ],
  followup_method: [
    { code: 'phone', zh: '电话拜访', en: 'Phone call' },
    { code: 'meeting', zh: '线下会议', en: 'Meeting' },
    { code: 'email', zh: '邮件沟通', en: 'Email' },
    { code: 'wechat', zh: '微信/在线沟通', en: 'WeChat / online chat' },
    { code: 'visit', zh: '上门拜访', en: 'Site visit' },
    { code: 'other', zh: '其他', en: 'Other' },
  ],
};

export const ZDictionaryEntry = z.object({
  id: z.string(),
  type: z.enum(DICTIONARY_TYPES),
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  isSystem: z.boolean(),
  needsNote: z.boolean(),
  version: z.number().int(),
});
export type TDictionaryEntry = z.infer<typeof ZDictionaryEntry>;

export const ZCreateDictionaryEntryRequest = z.object({
  type: z.enum(DICTIONARY_TYPES),
  code: z.string().trim().regex(/^[A-Za-z0-9_]{1,40}$/),
  labelZh: zText(60),
  labelEn: zText(80),
  sort: z.number().int().min(0).max(9999).optional(),
  needsNote: z.boolean().optional(),
});
export type TCreateDictionaryEntryRequest = z.infer<typeof ZCreateDictionaryEntryRequest>;

export const ZUpdateDictionaryEntryRequest = z.object({
  version: zVersion,
  labelZh: zText(60).optional(),
  labelEn: zText(80).optional(),
  sort: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
  needsNote: z.boolean().optional(),
});
export type TUpdateDictionaryEntryRequest = z.infer<typeof ZUpdateDictionaryEntryRequest>;

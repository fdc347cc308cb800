/**
 * Word lists for realistic Chinese demo data. Lists are space-separated strings to keep this file readable;
 * weights roughly follow real frequencies (surnames, provinces by business activity, industries by firm counts).
 */

const words = (s: string) => s.trim().split(/\s+/);

/** The hundred commonest surnames, commonest first (weights fall off with rank), plus a few compound ones. */
export const SURNAMES = words(`
  王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡
  余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯
  龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马 上官 诸葛
`);

export const GIVEN_MALE = words(`
  伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宁 浩 凯 健 俊 帆 帅 旭 宇 晨 阳 峰 建 国 志 文 海 东 林 立 新 宏
  博 然 轩 泽 睿 哲 天 毅 诚 坤 晓 振 龙 成 荣
`);

export const GIVEN_FEMALE = words(`
  芳 娜 敏 静 丽 艳 娟 霞 秀 燕 玲 婷 雪 慧 颖 琳 洁 红 梅 倩 晶 丹 萍 莉 月 婧 佳 欣 怡 悦 璐 琪 薇 思 雨 萱 涵 妍 晓 文
  春 兰 凤 英 瑶 诗 梦 彤
`);

/** 字号: the distinctive part of a company name. */
export const BRANDS = words(`
  华星 瑞丰 腾达 鼎盛 恒通 金科 新宇 博远 中天 宏图 远航 天成 嘉禾 信达 永泰 泰和 明辉 盛世 龙腾 凯旋 联创 鸿运 锦程 万邦
  华瑞 德信 启明 星河 蓝海 北辰 东方 南风 长青 青松 银河 海川 源创 智远 卓越 精诚 合力 众信 同创 聚合 百川 千禾 万象 盛达
  通达 安信 昌盛 兴业 和信 富达 恒信 汇通 润泽 旭日 晨光 曙光 飞扬 翔宇 云帆 天瑞 康宁 佳和 美达 优品 睿智 慧通 易达 领航
  先锋 前程 新锐 海纳 山河 九州 四海 八方 金石 铭扬 昊天 皓月 星辰 元亨 博雅 文澜 清源 正源 宏达 伟业 丰华 荣昌 祥瑞 福顺
  金鼎 鼎新 天宇 宏远 致远 弘毅 振华 中诚 志诚 汉森 奥维 赛博 德润 恒丰 瀚海 鑫源 立信 拓普 凌云 科瑞 威盛 华钦 宇辰 嘉信
`);

/** 行业词 by GB/T 4754 section, with the section's share of demo customers. */
export const INDUSTRY_WORDS: ReadonlyArray<readonly [code: string, weight: number, words: readonly string[]]> = [
  ['C', 22, words('机械制造 精密机械 电子 新材料 化工 汽车零部件 纺织 食品 塑胶制品 五金制品 医疗器械 电气设备 光电 包装 家具 模具')],
  ['F', 15, words('贸易 商贸 电子商务 供应链管理 进出口 医药销售 建材 百货 农产品')],
  ['I', 14, words('信息技术 软件 网络科技 数据科技 智能科技 云计算 信息系统 数字科技')],
  ['L', 8, words('企业管理咨询 人力资源 广告 会展服务 商务服务 知识产权代理')],
  ['E', 6, words('建设工程 建筑安装 装饰工程 市政工程 钢结构工程')],
  ['M', 6, words('检测技术 生物科技 工程设计 环保科技 技术服务 测绘')],
  ['G', 5, words('物流 运输 供应链 仓储 快运 货运代理')],
  ['K', 4, words('置业 房地产开发 物业管理 不动产')],
  ['H', 4, words('餐饮管理 酒店管理 食品连锁')],
  ['J', 3, words('投资管理 融资担保 资产管理 保险代理')],
  ['R', 3, words('文化传媒 影视 体育发展 文化艺术 出版')],
  ['P', 2, words('教育科技 职业培训 教育咨询')],
  ['Q', 2, words('健康管理 医院管理 康复护理')],
  ['D', 2, words('新能源 能源 燃气 水务 电力工程')],
  ['A', 2, words('农业科技 生态农业 农牧 水产养殖 林业')],
  ['N', 1, words('环境工程 园林绿化 水处理')],
  ['O', 1, words('家政服务 汽车维修 清洁服务')],
  ['B', 0.5, words('矿业 石材')],
];

/** Company forms and how common each is. */
export const COMPANY_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['有限公司', 55], ['有限责任公司', 20], ['股份有限公司', 15], ['集团有限公司', 5], ['branch', 5],
];

/** Provinces weighted by business activity (the division data has 31; all appear, the coast most). */
export const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  广东省: 12, 江苏省: 10, 浙江省: 9, 上海市: 7, 北京市: 7, 山东省: 6, 福建省: 4, 四川省: 4, 湖北省: 4, 河南省: 4,
  湖南省: 3, 安徽省: 3, 河北省: 3, 天津市: 2, 重庆市: 2, 陕西省: 2, 辽宁省: 2, 江西省: 2, 云南省: 1.5,
  广西壮族自治区: 1.5, 山西省: 1, 贵州省: 1, 黑龙江省: 1, 吉林省: 1, 内蒙古自治区: 1, 新疆维吾尔自治区: 0.8,
  甘肃省: 0.6, 海南省: 0.6, 宁夏回族自治区: 0.3, 青海省: 0.2, 西藏自治区: 0.1,
};

/** Sales regions (and their 区域 tags) by province. */
export const REGION_OF: Readonly<Record<string, string>> = {
  上海市: '华东', 江苏省: '华东', 浙江省: '华东', 安徽省: '华东', 福建省: '华东', 江西省: '华东', 山东省: '华东',
  广东省: '华南', 广西壮族自治区: '华南', 海南省: '华南',
  北京市: '华北', 天津市: '华北', 河北省: '华北', 山西省: '华北', 内蒙古自治区: '华北',
  河南省: '华中', 湖北省: '华中', 湖南省: '华中',
  重庆市: '西南', 四川省: '西南', 贵州省: '西南', 云南省: '西南', 西藏自治区: '西南',
  陕西省: '西北', 甘肃省: '西北', 青海省: '西北', 宁夏回族自治区: '西北', 新疆维吾尔自治区: '西北',
  辽宁省: '东北', 吉林省: '东北', 黑龙江省: '东北',
};

/** Long-distance area code of each province's capital (landlines of demo contacts). */
export const AREA_CODES: Readonly<Record<string, string>> = {
  北京市: '010', 天津市: '022', 河北省: '0311', 山西省: '0351', 内蒙古自治区: '0471', 辽宁省: '024', 吉林省: '0431',
  黑龙江省: '0451', 上海市: '021', 江苏省: '025', 浙江省: '0571', 安徽省: '0551', 福建省: '0591', 江西省: '0791',
  山东省: '0531', 河南省: '0371', 湖北省: '027', 湖南省: '0731', 广东省: '020', 广西壮族自治区: '0771', 海南省: '0898',
  重庆市: '023', 四川省: '028', 贵州省: '0851', 云南省: '0871', 西藏自治区: '0891', 陕西省: '029', 甘肃省: '0931',
  青海省: '0971', 宁夏回族自治区: '0951', 新疆维吾尔自治区: '0991',
};

export const ROADS = words(`
  人民路 中山路 解放路 建设路 和平路 新华路 长江路 黄河路 科技路 高新路 创业路 文化路 滨江路 世纪大道 学院路 工业园路 迎宾大道
  朝阳路 光明路 胜利路 青年路 友谊路 团结路 复兴路 东风路 振兴路 兴业路 发展大道 创新大道 望江路 湖滨路 环城东路 环城西路
  金融街 软件园路 园区大道 航空路 体育路 天府大道 开发区大道
`);

/** Positions with the contact role they usually play (contact_role dictionary codes). */
export const POSITIONS: ReadonlyArray<readonly [title: string, role: string, weight: number]> = [
  ['总经理', 'decision_maker', 8], ['副总经理', 'decision_maker', 5], ['董事长', 'decision_maker', 2], ['采购部经理', 'purchasing', 10],
  ['采购专员', 'purchasing', 7], ['采购总监', 'purchasing', 3], ['技术总监', 'technical', 6], ['IT主管', 'technical', 5],
  ['工程师', 'technical', 5], ['项目经理', 'technical', 5], ['财务经理', 'finance', 4], ['财务总监', 'finance', 2],
  ['行政经理', 'user', 4], ['运营经理', 'user', 5], ['销售总监', 'user', 3], ['市场部经理', 'user', 3], ['人事经理', 'other', 2],
];

export const PRODUCTS = words(`
  工业传感器 数控设备 办公设备 服务器 网络设备 CRM系统 ERP系统 包装材料 原材料 检测仪器 物流服务 营销服务 安防设备 云服务
  培训服务 智能终端 环保设备 仓储管理系统
`);

/** Requirement descriptions; {product} {n} {budget} {month} are filled per customer. */
export const REQUIREMENTS = [
  '计划采购一批{product}，预算约{budget}万元，希望{month}月前完成选型',
  '现有{product}老旧，需要升级换代，重点关注稳定性和售后服务',
  '需要为{n}名员工部署{product}，要求支持移动端和微信集成',
  '关注售后响应速度，要求提供7×24小时技术支持',
  '希望先试用一个月，再决定是否批量采购{product}',
  '对价格较敏感，需要提供阶梯报价方案，年采购量约{n}套',
  '需要定制开发与现有ERP对接的接口，预算{budget}万元以内',
  '年底前有扩产计划，需配套{product}约{n}套',
  '希望提供本地化实施和培训服务，{month}月份上线',
  '多个分公司统一采购{product}，要求总部统一结算',
  '正在对比三家供应商，决策人为总经理，{month}月份内出结果',
  '老客户介绍，需求明确：{product}，预算{budget}万元',
] as const;

export const PRODUCT_PREFERENCES = words('标准版 旗舰版 私有化部署 云端部署 按年订阅 一次性买断 国产化方案 定制方案');
export const COMMUNICATION_PREFERENCES = words('微信沟通 电话沟通 邮件沟通 仅工作日联系 上午联系 下午联系 先微信后电话 线下拜访');

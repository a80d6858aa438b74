/**
 * Everyday queries over the demo catalogue (server/demoProducts.ts) and the product each should find in its top 3
 * (several names: any one of them is right, for a query that asks for a kind of service). Read by
 * tests/integration/catalogue-vocabulary.test.ts (asserts the share) and `npm run bench` (reports it).
 */
export const SEARCH_TEST_SET: { q: string; expect: string | string[] }[] = [
  { q: '欠薪', expect: '劳动争议法律援助快速通道' },
  { q: '讨薪', expect: '劳动争议法律援助快速通道' },
  { q: '老板不给工资', expect: '农民工工资争议速裁调解' },
  { q: '老板拖欠工资怎么办', expect: '劳动争议法律援助快速通道' },
  { q: '打工的被欠钱', expect: '农民工工资争议速裁调解' },
  { q: '工伤', expect: '劳动争议法律援助快速通道' },
  { q: '外卖骑手', expect: '劳动争议法律援助快速通道' },
  { q: '借钱不还', expect: '“老娘舅”人民调解上门服务' },
  { q: '邻居吵架', expect: '“老娘舅”人民调解上门服务' },
  { q: '老人 上门', expect: '“老娘舅”人民调解上门服务' },
  { q: '车祸', expect: '交通事故损害赔偿调解' },
  { q: '被车撞了', expect: '交通事故损害赔偿调解' },
  { q: '离婚', expect: '婚姻家庭纠纷调解室' },
  { q: '家暴', expect: '婚姻家庭纠纷调解室' },
  { q: '抚养费', expect: '家事法律援助“护苗”行动' },
  { q: '立遗嘱', expect: '老年人遗嘱咨询与见证' },
  { q: '遗产', expect: '老年人遗嘱咨询与见证' },
  { q: '办公证', expect: '公证服务“最多跑一次”' },
  { q: '房子过户', expect: '公证服务“最多跑一次”' },
  { q: '物业费', expect: '物业纠纷专业调解' },
  { q: '楼上漏水', expect: '物业纠纷专业调解' },
  { q: '医闹', expect: '医疗纠纷人民调解' },
  { q: '手术出事了', expect: '医疗纠纷人民调解' },
  { q: '拆迁补偿', expect: '征地拆迁法律咨询' },
  { q: '房子被拆', expect: '征地拆迁法律咨询' },
  { q: '预付卡', expect: '消费维权法律咨询' },
  { q: '健身卡退钱', expect: '消费维权法律咨询' },
  { q: '网购被骗', expect: '消费维权法律咨询' },
  { q: '商标被抢注', expect: '知识产权维权援助' },
  { q: '被抄袭', expect: '知识产权维权援助' },
  { q: '个体户', expect: '小微企业法律体检' },
  { q: '法律顾问', expect: '法律顾问进企业（按需付费）' },
  { q: '交不起诉讼费', expect: '困难群众诉讼费缓减指引' },
  { q: '被抓了', expect: '刑事案件律师辩护全覆盖' },
  { q: '聋哑人', expect: '残疾人法律援助绿色通道' },
  { q: '退伍', expect: '退役军人法律服务站' },
  { q: '校园欺凌', expect: '未成年人法治教育基地' },
  { q: '毒品', expect: '未成年人法治教育基地' },
  { q: '学法', expect: ['“法治进万家”普法讲座', '乡村“法律明白人”培训', '外来务工人员法律夜校'] },
  { q: '告政府', expect: '行政复议咨询服务' },
  { q: '外国人', expect: '涉外法律咨询' },
  { q: '旅游被坑', expect: '旅游纠纷快速调处' },
  { q: '合伙做生意闹翻', expect: '“枫桥式”商会调解' },
  { q: '村里 律师', expect: '“一村一法律顾问”驻村服务' },
  { q: '普法直播', expect: '网络直播普法' },
  { q: '机器人', expect: '公共法律服务机器人自助咨询' },
  { q: '宪法', expect: '“宪法宣传周”主题活动' },
  { q: 'laoniangjiu', expect: '“老娘舅”人民调解上门服务' },
  { q: 'lnj', expect: '“老娘舅”人民调解上门服务' },
  { q: 'gongzheng', expect: '公证服务“最多跑一次”' },
  { q: 'tiaojie', expect: ['“老娘舅”人民调解上门服务', '婚姻家庭纠纷调解室', '物业纠纷专业调解', '农民工工资争议速裁调解', '“枫桥式”商会调解', '交通事故损害赔偿调解', '医疗纠纷人民调解'] },
  { q: 'tj', expect: ['“老娘舅”人民调解上门服务', '婚姻家庭纠纷调解室', '物业纠纷专业调解', '农民工工资争议速裁调解', '“枫桥式”商会调解', '交通事故损害赔偿调解', '医疗纠纷人民调解'] },
];

/** Runs the set with `search` (top 3 names for a query); the share found and the misses. */
export async function runSearchTestSet(search: (q: string) => Promise<string[]>) {
  const misses: { q: string; expect: string | string[]; got: string[] }[] = [];
  for (const t of SEARCH_TEST_SET) {
    const got = (await search(t.q)).slice(0, 3);
    const want = Array.isArray(t.expect) ? t.expect : [t.expect];
    if (!got.some((n) => want.includes(n))) misses.push({ ...t, got });
  }
  return { total: SEARCH_TEST_SET.length, found: SEARCH_TEST_SET.length - misses.length, share: (SEARCH_TEST_SET.length - misses.length) / SEARCH_TEST_SET.length, misses };
}

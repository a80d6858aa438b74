/** First start of the local mode: fills an empty store with a realistic demo catalogue. */
import { AUDIENCE_GROUPS, CATEGORY_LABELS } from '../types/domain';
import { shanghaiDate } from '../types/time';
import { featuredId } from '../cloudfunctions/catalogue/featureProduct';
import { specSchema, type Spec } from '../types/spec';
import { COLLECTIONS } from '../cloudfunctions/_lib/collections';
import { buildProductDoc } from '../cloudfunctions/catalogue/productDoc';
import type { Store } from '../cloudfunctions/_lib/store/port';
import { DEMO_FREQUENCY, DEMO_MATERIALS, DEMO_PRODUCTS, type DemoProduct } from './demoProducts';

const SEED_MARK = 'demo-seed';

/** A complete, valid specification built from a demo product (also used by tests). */
export function demoSpec(p: DemoProduct, i: number): Spec {
  const kind = CATEGORY_LABELS[p.category];
  const spec: Spec = {
    name: p.name,
    category: p.category,
    purchaseMethod: p.purchaseMethod,
    summary: p.summary,
    fundingSource: p.purchaseMethod === 'free' ? '提供主体自有经费及公益资金' : p.purchaseMethod === 'standard-fee' ? '服务对象按标准付费' : '区（县、市）财政专项资金',
    price: p.price,
    serviceStandard: `受理后 1 个工作日内联系服务对象；${kind}全程留痕；服务结束后 3 个工作日内回访。`,
    evaluationMethod: '服务对象满意度评价、电话回访抽查、年度第三方测评相结合。',
    cover: {
      applicantName: p.provider,
      principal: '（内部）负责人',
      contactName: '（内部）联系人',
      contactPhone: `1390571${String(1000 + i).padStart(4, '0')}`,
      declaredOn: '2025-03-15',
    },
    publicInfo: { district: p.district, address: p.address, servicePhone: p.phone, hours: p.hours, materials: p.materials ?? DEMO_MATERIALS[p.category], ...(p.latitude !== undefined && p.longitude !== undefined ? { latitude: p.latitude, longitude: p.longitude } : {}) },
    provider: {
      expertise: '服务人员须具备法律职业资格或人民调解员资格，从事相关工作 3 年以上。',
      serviceRequirements: '使用普通话或当地方言，着统一工作服，佩戴工作证，服务结束请服务对象评价。',
      coverage: `${p.district}范围内设服务点，配备专职人员不少于 5 名，可满足日常服务需求。`,
      training: '每季度集中业务培训一次，每年参加市级培训不少于 16 学时，覆盖全体服务人员。',
    },
    content: {
      audience: p.audience,
      basis: '《中华人民共和国人民调解法》《法律援助法》《杭州市公共法律服务产品申报认定工作管理办法》',
      problemSolved: `解决群众“找不到、用不起、等不及”的问题：${p.summary}`,
      channels: p.channels,
      frequency: DEMO_FREQUENCY[p.category],
    },
    management: {
      rules: '《服务管理办法》《服务质量考核细则》《投诉处理办法》',
      process: '预约或到场 → 登记受理 → 分派服务人员 → 提供服务 → 记录归档 → 回访评价',
      publicGuide: '服务指南在提供主体官方网站、公众号和服务窗口公开。',
      records: '统一使用服务登记表，记录服务对象、事项、经过、结果和回访情况，当日录入系统。',
      qualityControl: '负责人每月抽查服务记录不少于 10%，投诉 24 小时内响应，5 个工作日内办结。',
    },
    efficiency: { indicators: '受理响应时间不超过 1 个工作日；办结率不低于 95%；回访率 100%。' },
    satisfaction: {
      satisfaction: '服务对象满意率不低于 95%，有效投诉率低于 1%。',
      benefit: '年投入约 20 万元，预计服务 1000 人次以上，减少诉讼成本，促进社会和谐。',
    },
    attachments: [],
  };
  return specSchema.parse(spec) as unknown as Spec;
}

/** Seeds once; a store that has been seeded (or holds products) is left alone. Returns how many were added. */
export async function seedDemo(store: Store): Promise<number> {
  if ((await store.get(COLLECTIONS.meta, SEED_MARK)) || (await store.count(COLLECTIONS.products)) > 0) return 0;
  const now = new Date().toISOString();
  await store.transaction(async (tx) => {
    const docs = DEMO_PRODUCTS.map((p, i) => {
      const year = 2024 + (i % 2);
      const publishedOn = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(5 + (i % 20)).padStart(2, '0')}`;
      const productId = `p${String(i + 1).padStart(4, '0')}demo`;
      return buildProductDoc(demoSpec(p, i), { productId, declarationId: null, orgId: null, documentNumber: `杭司〔${year}〕${10 + i}号`, publishedOn });
    });
    for (const d of docs) await tx.insert(COLLECTIONS.products, { ...d });
    // Promotion: up to three products featured for each group they serve, for a year.
    const until = shanghaiDate(Date.now() + 365 * 86400_000);
    for (const group of AUDIENCE_GROUPS) {
      const matching = docs.filter((d) => d.audienceGroups.includes(group)).slice(0, 3);
      for (const d of matching)
        await tx.insert(COLLECTIONS.featured, { _id: featuredId(group, d._id), productId: d._id, audience: group, until, featuredAt: now, featuredBy: null });
    }
    await tx.insert(COLLECTIONS.meta, { _id: SEED_MARK, at: now, products: DEMO_PRODUCTS.length });
    await tx.insert(COLLECTIONS.audit, {
      _id: `a-seed-${Date.now()}`,
      at: now,
      userId: null,
      role: 'system',
      fn: 'seed',
      action: 'seedDemo',
      collection: COLLECTIONS.products,
      recordId: SEED_MARK,
      change: { products: DEMO_PRODUCTS.length },
    });
  });
  return DEMO_PRODUCTS.length;
}

/**
 * How the product page groups the specification's public fields for a citizen, in a citizen's words: who it is for,
 * how to apply, what to bring, what it costs, when. The field keys are the specification's (types/specFields.ts).
 */
export const CITIZEN_SECTIONS: { title: string; fields: { key: string; label: string }[] }[] = [
  { title: '谁可以用', fields: [{ key: 'content.audience', label: '适合谁' }, { key: 'provider.coverage', label: '服务点和人员' }] },
  { title: '怎么申请', fields: [{ key: 'content.channels', label: '在哪里、怎么申请' }, { key: 'management.process', label: '办理步骤' }] },
  { title: '要带什么', fields: [{ key: 'publicInfo.materials', label: '需要准备的材料' }] },
  { title: '多少钱', fields: [{ key: 'price', label: '收费' }, { key: 'fundingSource', label: '费用由谁承担' }] },
  { title: '什么时候', fields: [{ key: 'publicInfo.hours', label: '服务时间' }, { key: 'content.frequency', label: '多久提供一次' }] },
  { title: '服务承诺', fields: [{ key: 'serviceStandard', label: '服务标准' }, { key: 'content.problemSolved', label: '能帮您解决什么' }] },
];

/**
 * How the product page groups the specification's public fields for a citizen.
 * Labels come from the specification itself (types/specFields.ts).
 */
export const CITIZEN_SECTIONS: { title: string; keys: string[] }[] = [
  { title: '谁可以用', keys: ['content.audience'] },
  { title: '怎么获得', keys: ['content.channels', 'management.process', 'content.frequency'] },
  { title: '费用', keys: ['price', 'fundingSource'] },
  { title: '服务承诺', keys: ['serviceStandard', 'content.problemSolved', 'provider.coverage'] },
];

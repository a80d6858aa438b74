/** The building blocks of every area's permissions module. */
import type { Caller } from './context';

export const anyone = (_c: Caller) => true;
export const signedIn = (c: Caller) => c.userId !== null;
export const isAdmin = (c: Caller) => c.roles.includes('admin');
export const isApplicant = (c: Caller) => c.roles.includes('applicant') && c.orgId !== null;
/** 测评机构: a third-party evaluator (or the bureau's own inspectors) bound to an organisation. */
export const isAssessor = (c: Caller) => c.roles.includes('assessor') && c.orgId !== null;
export const isExpert = (c: Caller) => c.roles.includes('expert') && !!c.expertId;
/** 采购单位: a government department, sub-district office, enterprise or social organisation that buys products. */
export const isPurchaser = (c: Caller) => c.roles.includes('purchaser') && c.orgId !== null;

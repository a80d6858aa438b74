/** The one result shape every action returns, on WeChat and over local HTTP alike. */

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The local HTTP status of each error code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** A field error: `path` is dotted (`content.audience`, `attachments.0.name`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  /** Chinese, written for the person using the page. */
  message: string;
  issues?: FieldIssue[];
  /** RATE_LIMITED: seconds until a retry can succeed (locally also the `Retry-After` header). */
  retryAfterSeconds?: number;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** The names of the CloudBase functions. */
export const FUNCTION_NAMES = [
  'auth',
  'admin',
  'declarations',
  'reviews',
  'publicity',
  'catalogue',
  'ratings',
  'notify',
  'orgs',
  'supervision',
  'assessments',
  'procurement',
  'needs',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/**
 * Functions reached by plain HTTP (CloudBase HTTP access) instead of `callFunction`: they answer their own formats,
 * not the envelope. `openData`: the HSDS API under /hsds and the Atom feed at /feed.atom (issue 23).
 */
export const HTTP_FUNCTION_NAMES = ['openData'] as const;
/** Every function cloudbaserc.json deploys. */
export const DEPLOYED_FUNCTION_NAMES = [...FUNCTION_NAMES, ...HTTP_FUNCTION_NAMES] as const;

/** Largest request body the local server accepts (WeChat's own callFunction limit is far above this). */
export const MAX_BODY_BYTES = 256 * 1024;

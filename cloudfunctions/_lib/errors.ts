import type { ErrorCode, FieldIssue } from '../../types/envelope';

/** An outcome a caller can act on. Anything else thrown is reported as INTERNAL without details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    /** RATE_LIMITED: when a retry can succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (message: string, issues?: FieldIssue[]) => new AppError('INVALID_INPUT', message, issues);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const forbidden = (message = '您没有权限进行此操作') => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message);
export const rateLimited = (message: string) => new AppError('RATE_LIMITED', message);

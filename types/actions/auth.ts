import * as z from 'zod';
import type { Role } from '../domain';

export const startSessionInput = z.strictObject({});
export interface StartSessionResult {
  /** Local mode only: the bearer token for `Authorization`. In the cloud WeChat identifies the caller. */
  token: string | null;
  userId: string;
}

export const INVITE_CODE_PATTERN = /^[A-Z2-9]{4}-[A-Z2-9]{4}$/;
export const redeemInviteInput = z.strictObject({
  code: z
    .string({ error: '请填写邀请码' })
    .trim()
    .toUpperCase()
    .regex(INVITE_CODE_PATTERN, '邀请码格式不正确，应为 8 位字母数字，如 ABCD-2345'),
});
export type RedeemInviteInput = z.input<typeof redeemInviteInput>;

export const meInput = z.strictObject({});
export interface MeResult {
  userId: string | null;
  roles: Role[];
  org: { orgId: string; name: string } | null;
}

export const myActivityInput = z.strictObject({});
/** What 我的 gathers for the caller: their own comments and ratings (never anyone else's). */
export interface MyActivity {
  comments: { commentId: string; declarationId: string; productName: string; text: string; status: 'shown' | 'pending' | 'hidden'; answered: boolean; createdOn: string }[];
  ratings: { ratingId: string; productId: string; productName: string; level: number; ratedOn: string }[];
  openCases: number;
}

export const authSchemas = {
  session: startSessionInput,
  redeemInvite: redeemInviteInput,
  me: meInput,
  myActivity: myActivityInput,
};

export interface AuthApi {
  session: [Record<string, never>, StartSessionResult];
  redeemInvite: [RedeemInviteInput, MeResult];
  me: [Record<string, never>, MeResult];
  myActivity: [Record<string, never>, MyActivity];
}

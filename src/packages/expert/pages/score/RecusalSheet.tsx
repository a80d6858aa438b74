/**
 * 申请回避: an expert with a conflict of interest steps aside from this declaration, with a reason of their own.
 * It takes effect at once (reviews.recuse): a reserve expert takes the place, and the bureau sees the reason. The tie
 * is recorded too (reviews.declareConflict), so later draws leave the expert out for this applicant.
 */
import { api } from '../../../../api/client';
import { ReasonSheet } from '../../../../components/ReasonSheet';

export function RecusalSheet({ declarationId, orgId, onDone, onCancel }: { declarationId: string; orgId?: string; onDone: () => void; onCancel: () => void }) {
  return (
    <ReasonSheet
      title='申请回避'
      text='与申报单位有利害关系（如任职、近亲属、合作或推荐关系）的，应当回避。提交后立即生效：您不再评审这份申报，由候补专家替补，今后也不会被抽到这家单位的申报；市司法局会看到您写的理由。'
      placeholder='请写明回避理由（必填），如：本人曾在该单位兼职'
      confirmText='确认回避'
      onCancel={onCancel}
      onConfirm={async (reason) => {
        await api('reviews', 'recuse', { declarationId, reason });
        if (orgId) await api('reviews', 'declareConflict', { orgId, reason });
        onDone();
      }}
    />
  );
}

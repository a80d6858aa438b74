/** One declaration as the bureau sees it (DeclarationDetail): one column on a phone, actions beside it at a desk. */
import { useRouter } from '@tarojs/taro';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import { Failure, Loading } from '../../../../components/StateView';
import { useDeskWidth } from '../../../../utils/desk';
import { DeclarationActions, DeclarationContent, DeclarationPhone, useDeclaration } from './DeclarationDetail';
import '../admin.scss';

export default function DeclarationDetailPage() {
  const id = useRouter().params.id ?? '';
  const desk = useDeskWidth();
  const { d, setD, error, load } = useDeclaration(id);
  const body = error ? <Failure message={error} onRetry={load} /> : !d ? <Loading /> : null;
  const title = d ? `申报：${d.name || '未命名的产品'}` : '申报详情';
  // On a phone the frame adds only 长辈模式 and the page's confirmations (DialogHost).
  if (!desk) return <DeskLayout title={title}>{body ?? <DeclarationPhone d={d!} load={load} setD={setD} />}</DeskLayout>;
  return (
    <DeskLayout title={title} aside={d && <DeclarationActions d={d} load={load} setD={setD} />} asideLabel='办理这份申报'>
      {body ?? <DeclarationContent d={d!} load={load} setD={setD} />}
    </DeskLayout>
  );
}

/** The old address of 我的 (printed links, bookmarks): 我的 is a tab now. */
import { useEffect } from 'react';
import { Loading } from '../../../../components/StateView';
import { goTab } from '../../../../utils/nav';

export default function OldMePage() {
  useEffect(() => goTab('me'), []);
  return <Loading text='正在打开“我的”…' />;
}

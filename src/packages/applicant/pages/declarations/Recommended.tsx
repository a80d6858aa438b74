/**
 * For an association (行业协会): the declarations that name it as their recommender, each confirmed (背书) with one tap
 * after reading the printable sheet. Shown only when there are some.
 */
import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { askConfirm } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import type { DeclarationListItem } from '@shared/declaration';
import { api, errorMessage } from '../../../../api/client';
import { openPrintable } from '../../../../utils/print';

export function Recommended() {
  const [items, setItems] = useState<DeclarationListItem[]>([]);
  const [msg, setMsg] = useState('');
  const load = useCallback(async () => {
    try {
      setItems((await api('declarations', 'recommendedToMe', {})).items);
    } catch {
      setItems([]);
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const endorse = async (d: DeclarationListItem) => {
    const confirm = await askConfirm({ title: '确认推荐', content: `以本协会名义推荐“${d.name}”？推荐后申报单位即可提交；内容修改后需重新确认。`, confirmText: '确认推荐', cancelText: '再看看' });
    if (!confirm) return;
    try {
      await api('declarations', 'endorse', { declarationId: d.declarationId });
      setMsg(`已推荐“${d.name}”`);
      load();
    } catch (e) {
      setMsg(errorMessage(e));
    }
  };
  const read = async (d: DeclarationListItem) => {
    try {
      if (!openPrintable((await api('declarations', 'printable', { declarationId: d.declarationId })).html)) setMsg('请在电脑浏览器中打开本小程序的网页版查看说明书');
    } catch (e) {
      setMsg(errorMessage(e));
    }
  };

  if (!items.length) return null;
  return (
    <View className='mine__call'>
      <Text className='mine__call-title'>请本协会推荐的申报</Text>
      {msg && <Text className='mine__meta'>{msg}</Text>}
      {items.map((d) => (
        <View key={d.declarationId} className='mine__item'>
          <Text className='mine__name'>{d.name || '未命名的产品'}</Text>
          <Text className='mine__meta'>{d.endorsed ? '已确认推荐' : d.status === 'draft' ? '等待本协会确认' : '已提交'}</Text>
          <AtButton size='small' onClick={() => read(d)}>
            查看说明书
          </AtButton>
          {!d.endorsed && d.status === 'draft' && (
            <AtButton size='small' type='primary' onClick={() => endorse(d)}>
              确认推荐
            </AtButton>
          )}
        </View>
      ))}
    </View>
  );
}

/** Under the search box while typing: everyday words to search by, and products whose name matches. */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { SuggestResult } from '@shared/actions/catalogue';
import { api } from '../../api/client';

export function Suggestions({ typed, onWord }: { typed: string; onWord: (w: string) => void }) {
  const [s, setS] = useState<SuggestResult | null>(null);
  useEffect(() => {
    const q = typed.trim();
    if (!q) return setS(null);
    let live = true;
    // A pause in typing, not every key: one request per settled word.
    const timer = setTimeout(() => {
      api('catalogue', 'suggest', { q: q.slice(0, 20) })
        .then((r) => live && setS(r))
        .catch(() => live && setS(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typed]);
  if (!s || (s.words.length === 0 && s.products.length === 0)) return null;
  return (
    <View className='suggest' aria-live='polite'>
      {s.words.map((w) => (
        <View key={w} className='suggest__item' role='button' onClick={() => onWord(w)}>
          <Text>搜“{w}”</Text>
        </View>
      ))}
      {s.products.map((p) => (
        <View key={p.productId} className='suggest__item suggest__item--product' role='link' onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${p.productId}` })}>
          <Text>{p.name}</Text>
        </View>
      ))}
    </View>
  );
}

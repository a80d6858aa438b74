/** 推介: the products the bureau recommends to each group, above the list when nothing is searched. */
import { useEffect, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import type { FeaturedResult } from '@shared/actions/catalogue';
import type { AudienceGroup } from '@shared/domain';
import { answeredNow, api } from '../../api/client';
import { ProductCard } from '../../components/ProductCard';
import { readCache, writeCache, type CachePolicy } from '../../utils/deviceCache';

/** Last seen recommendations, shown at once on a repeat visit while the fresh ones load (issue 14). */
const FEATURED_CACHE: CachePolicy = { version: 1, maxEntries: 1, maxAgeMs: 7 * 24 * 3600_000 };

export function Featured({ onGroup }: { onGroup: (g: AudienceGroup) => void }) {
  // index.html's early answer when it is already in (H5), else the saved copy: the list below does not jump down later.
  const [groups, setGroups] = useState<FeaturedResult['groups']>(() => answeredNow('catalogue', 'featured', {})?.groups ?? readCache<FeaturedResult['groups']>('catalogue.featured', FEATURED_CACHE, {})?.data ?? []);
  const [open, setOpen] = useState(0);
  useEffect(() => {
    // Recommendations are extra: if they fail, the list below still works (and says whether it is up to date).
    api('catalogue', 'featured', {})
      .then((r) => {
        setGroups(r.groups);
        writeCache('catalogue.featured', FEATURED_CACHE, {}, r.groups);
      })
      .catch(() => undefined);
  }, []);
  if (groups.length === 0) return null;
  const g = groups[Math.min(open, groups.length - 1)];
  return (
    <View className='featured'>
      <Text className='featured__title'>市司法局为您推荐</Text>
      <ScrollView className='chips' scrollX enhanced showScrollbar={false}>
        <View className='chips__row'>
          {groups.map((x, i) => (
            <View key={x.audience} className={`chip chip--small ${i === open ? 'chip--on' : ''}`} onClick={() => setOpen(i)} role='button'>
              <Text>{x.label}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
      <View className='featured__list'>
        {g.items.slice(0, 3).map((p) => (
          <ProductCard key={p.productId} p={p} />
        ))}
        <View className='featured__more' role='link' onClick={() => onGroup(g.audience)}>
          <Text>查看全部适合{g.label}的服务 ›</Text>
        </View>
      </View>
    </View>
  );
}

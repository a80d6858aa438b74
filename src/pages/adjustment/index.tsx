/**
 * 目录调整公示: the products graded 不合格 and the institutions with low satisfaction in a year, the products that left
 * the catalogue (with their documents), and the catalogue's history — each version and what changed.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CatalogueVersionView } from '@shared/actions/catalogue';
import type { PublicListResult } from '@shared/actions/supervision';
import { CATALOGUE_CHANGE_LABELS } from '@shared/credit';
import { chineseDate, shanghaiDate } from '@shared/time';
import { satisfactionText } from '@shared/rating';
import { Unbroken } from '../../components/Unbroken';
import { HomeLink } from '../../components/HomeLink';
import { api, errorMessage } from '../../api/client';
import { Failure, Loading } from '../../components/StateView';
import { useLargeFont } from '../../utils/largeFont';
import '../../styles/supervision.scss';

type Tab = 'list' | 'history';
const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));

export default function AdjustmentPage() {
  const params = useRouter().params;
  const [tab, setTab] = useState<Tab>(params.tab === 'history' ? 'history' : 'list');
  const [year, setYear] = useState(Number(params.year) || thisYear);
  const [list, setList] = useState<PublicListResult | null>(null);
  const [versions, setVersions] = useState<CatalogueVersionView[] | null>(null);
  const [error, setError] = useState('');
  const [large] = useLargeFont();

  const load = useCallback(async () => {
    setError('');
    try {
      if (tab === 'list') {
        setList(null);
        setList(await api('supervision', 'publicList', { year }));
      } else {
        setVersions(null);
        setVersions((await api('catalogue', 'versions', {})).versions);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [tab, year]);
  useEffect(() => {
    load();
  }, [load]);
  const open = (productId: string) => Taro.navigateTo({ url: `/pages/product/index?id=${productId}` });

  return (
    <View className={`sv adjustment ${large ? 'lf' : ''}`}>
      <HomeLink />
      <View className='sv__chips' role='tablist'>
        <View className={`sv__chip ${tab === 'list' ? 'sv__chip--on' : ''}`} role='tab' aria-selected={tab === 'list' ? 'true' : 'false'} onClick={() => setTab('list')}>
          <Text>年度公示名单</Text>
        </View>
        <View className={`sv__chip ${tab === 'history' ? 'sv__chip--on' : ''}`} role='tab' aria-selected={tab === 'history' ? 'true' : 'false'} onClick={() => setTab('history')}>
          <Text>目录变更记录</Text>
        </View>
      </View>
      {tab === 'list' && (
        <View className='sv__chips' role='tablist' aria-label='年度'>
          {[thisYear - 2, thisYear - 1, thisYear].map((y) => (
            <View key={y} className={`sv__chip ${y === year ? 'sv__chip--on' : ''}`} role='tab' aria-selected={y === year ? 'true' : 'false'} onClick={() => setYear(y)}>
              <Text className='nobreak'>{`${y} 年`}</Text>
            </View>
          ))}
        </View>
      )}
      {error && <Failure message={error} onRetry={load} />}
      {!error && tab === 'list' && !list && <Loading />}
      {!error && tab === 'history' && !versions && <Loading />}

      {tab === 'list' && list && (
        <>
          <View className='sv__block adjustment__failed'>
            <Text className='sv__title'>测评等次为不合格的产品</Text>
            {list.failed.length === 0 && <Text className='sv__empty'>{year} 年度没有公布不合格的产品</Text>}
            {list.failed.map((f) => (
              <View className='sv__row' key={f.productId} role='link' onClick={() => open(f.productId)}>
                <Text className='sv__item'>{f.name}</Text>
                <Unbroken className='sv__text' text={`${f.providerName} · ${f.score} 分${f.documentNumber ? ` · ${f.documentNumber}` : ''}`} />
                <Unbroken className='sv__text' text={f.evidence} />
              </View>
            ))}
          </View>
          <View className='sv__block adjustment__low'>
            <Text className='sv__title'>测评满意度较低的服务机构</Text>
            {list.lowSatisfaction.length === 0 && <Text className='sv__empty'>{year} 年度没有满意度较低的机构</Text>}
            {list.lowSatisfaction.map((o) => (
              <View className='sv__row' key={o.orgId} role='link' onClick={() => Taro.navigateTo({ url: `/pages/provider/index?id=${o.orgId}` })}>
                <Text className='sv__item'>{o.name}</Text>
                <Unbroken className='sv__text' text={satisfactionText(o.satisfactionRate, o.ratings)} />
              </View>
            ))}
          </View>
          <View className='sv__block adjustment__left'>
            <Text className='sv__title'>退出目录的产品</Text>
            {list.left.length === 0 && <Text className='sv__empty'>{year} 年没有产品退出目录</Text>}
            {list.left.map((l) => (
              <View className='sv__row' key={l.productId} role='link' onClick={() => open(l.productId)}>
                <Text className='sv__item'>{l.name}</Text>
                <Unbroken className='sv__text' text={`${chineseDate(l.on)}退出 · ${l.documentNumber}`} />
                {l.reason && <Text className='sv__text'>原因：{l.reason}</Text>}
              </View>
            ))}
          </View>
        </>
      )}

      {tab === 'history' && versions && (
        <View className='sv__block adjustment__history'>
          <Text className='sv__title'>目录变更记录</Text>
          {versions.length === 0 && <Text className='sv__empty'>目录还没有变更记录</Text>}
          {versions.map((v) => (
            <View className='sv__row' key={v.version}>
              <Unbroken className='sv__item' text={`第 ${v.version} 版 · ${chineseDate(v.on)}`} />
              {v.documentNumbers.length > 0 && <Text className='sv__text'>依据：{v.documentNumbers.join('、')}</Text>}
              {v.added.map((a) => (
                <View className='sv__text sv__pick' key={`a${a.productId}`} role='link' onClick={() => open(a.productId)}>
                  <Text className='sv__badge sv__badge--listed'>新增</Text>
                  <Text>{a.name}</Text>
                </View>
              ))}
              {v.left.map((a) => (
                <View className='sv__text sv__pick' key={`l${a.productId}`} role='link' onClick={() => open(a.productId)}>
                  <Text className='sv__badge sv__badge--exited'>退出</Text>
                  <Text>{a.name}</Text>
                </View>
              ))}
              {v.changed.map((a) => (
                <View className='sv__text sv__pick' key={`c${a.productId}`} role='link' onClick={() => open(a.productId)}>
                  <Text className='sv__badge sv__badge--suspended'>{CATALOGUE_CHANGE_LABELS[a.change]}</Text>
                  <Text>{a.name}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/**
 * 目录产品: the products in the catalogue (catalogue.search, every page) as a table — provider, category, how it is
 * paid for, district, published, satisfaction, the latest grade — filtered by category, purchase method and district
 * (the search's own filters), with search-as-you-type. A row opens the product's public page; its provider's credit
 * record and 暂停与退出 are a click away.
 */
import { useMemo } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORIES, CATEGORY_LABELS, DISTRICTS, PURCHASE_METHODS, PURCHASE_METHOD_LABELS, type Category, type District, type PurchaseMethod } from '@shared/domain';
import { GRADE_LABELS } from '@shared/assessment';
import type { ProductListItem } from '@shared/product';
import { api } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import type { Column, Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { useDeskWidth } from '../../../../utils/desk';
import '../admin.scss';

type Row = ProductListItem;
const rate = (r: Row) => (r.rating.satisfactionRate === null ? '' : `${Math.round(r.rating.satisfactionRate * 100)}%`);

const COLUMNS: Column<Row>[] = [
  { key: 'name', header: '产品名称', value: (r) => r.name, keep: true },
  { key: 'provider', header: '服务单位', value: (r) => r.providerName, width: 22 },
  { key: 'category', header: '类别', value: (r) => CATEGORY_LABELS[r.category], width: 10 },
  { key: 'purchaseMethod', header: '购买方式', value: (r) => PURCHASE_METHOD_LABELS[r.purchaseMethod], width: 10 },
  { key: 'district', header: '区县', value: (r) => r.district, width: 8 },
  { key: 'publishedOn', header: '公布日期', value: (r) => r.publishedOn, width: 10, align: 'end' },
  { key: 'ratings', header: '评价数', value: (r) => r.rating.count, width: 6, align: 'end', searchable: false },
  { key: 'satisfaction', header: '满意率', value: rate, sort: (r) => r.rating.satisfactionRate, width: 6, align: 'end', searchable: false },
  { key: 'grade', header: '测评等次', value: (r) => (r.grade ? `${r.grade.year} ${GRADE_LABELS[r.grade.grade]}` : ''), width: 10 },
  { key: 'productId', header: '编号', value: (r) => r.productId, width: 10, hidden: true },
];
const FILTERS: Filter<Row>[] = [
  { key: 'category', label: '类别', all: '全部类别', options: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })) },
  { key: 'purchaseMethod', label: '购买方式', all: '全部方式', options: PURCHASE_METHODS.map((m) => ({ value: m, label: PURCHASE_METHOD_LABELS[m] })) },
  { key: 'district', label: '区县', all: '全部区县', deskOnly: true, options: DISTRICTS.map((d) => ({ value: d, label: d })) },
];

export default function ProductsDeskPage() {
  const desk = useDeskWidth();
  const table = useTable(COLUMNS, FILTERS, { sort: 'publishedOn', dir: 'desc' });
  const { category, purchaseMethod, district } = table.view.filters;
  const rows = useRows<Row>(
    async (cursor) => {
      const page = await api('catalogue', 'search', {
        ...(category ? { category: category as Category } : {}),
        ...(purchaseMethod ? { purchaseMethod: purchaseMethod as PurchaseMethod } : {}),
        ...(district ? { district: district as District } : {}),
        limit: 50,
        ...(cursor ? { cursor } : {}),
      });
      return { items: page.items, next: page.nextCursor };
    },
    [category, purchaseMethod, district],
    { all: desk },
  );
  usePullDownRefresh(async () => {
    await rows.reload();
    Taro.stopPullDownRefresh();
  });
  const openRow = (r: Row) => Taro.navigateTo({ url: `/pages/product/index?id=${r.productId}` });
  const toolbar = useMemo(
    () => (
      <View className='admin__filters'>
        <Text className='admin__meta'>暂停或退出目录、记录信用信息：</Text>
        <View className='beside__link' role='link' onClick={() => Taro.redirectTo({ url: '/packages/supervision/pages/exit/index' })}>
          暂停与退出目录 ›
        </View>
        <View className='beside__link' role='link' onClick={() => Taro.redirectTo({ url: '/packages/supervision/pages/events/index' })}>
          信用信息 ›
        </View>
      </View>
    ),
    [],
  );
  const card = (r: Row) => (
    <View className='admin__card' role='link' onClick={() => openRow(r)}>
      <Text className='admin__name'>{r.name}</Text>
      <Text className='admin__meta'>
        {r.providerName} · {CATEGORY_LABELS[r.category]} · {PURCHASE_METHOD_LABELS[r.purchaseMethod]} · {r.district}
      </Text>
    </View>
  );
  return (
    <DeskLayout title='目录产品'>
      <View className='admin'>
        <DataTable table={table} rows={rows} title='目录产品' unit='个' rowKey={(r) => r.productId} rowLabel={(r) => r.name} onOpen={openRow} card={card} toolbar={desk ? toolbar : undefined} empty={{ title: '没有符合条件的目录产品' }} />
      </View>
    </DeskLayout>
  );
}

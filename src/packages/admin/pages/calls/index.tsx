/** 刘科长 opens the yearly call (one per year) and sees every call with its state. */
import { useCallback, useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { CallView } from '@shared/declaration';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import '../admin.scss';
import { deskPage } from '../../../../components/desk/deskPage';

const STATE_LABELS = { upcoming: '未开始', open: '申报中', closed: '已截止' };

function CallsPage() {
  const [calls, setCalls] = useState<CallView[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const year = new Date().getFullYear() + 1;
  const [form, setForm] = useState({ year: String(year), title: `${year} 年度杭州市公共法律服务产品申报公告`, opensOn: '', closesOn: '', notice: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    setLoadError('');
    try {
      setCalls((await api('declarations', 'listCalls', {})).calls);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const open = async () => {
    setErrors({});
    setNotice('');
    try {
      await api('declarations', 'openCall', { year: Number(form.year), title: form.title, opensOn: form.opensOn, closesOn: form.closesOn, ...(form.notice.trim() ? { notice: form.notice } : {}) });
      setNotice('公告已发布');
      load();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setErrors(Object.fromEntries(e.issues.map((i) => [i.path, i.message])));
      else setNotice(errorMessage(e));
    }
  };

  const input = (key: keyof typeof form, label: string, placeholder: string) => (
    <View className='admin__field'>
      <Text className='admin__label'>{label}</Text>
      <Input className='admin__input' value={form[key]} placeholder={placeholder} onInput={(e) => setForm({ ...form, [key]: e.detail.value })} />
      {errors[key] && <Text className='admin__error'>{errors[key]}</Text>}
    </View>
  );

  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>发布年度申报公告</Text>
        {input('year', '年度', '如 2027')}
        {input('title', '公告标题', '')}
        {input('opensOn', '开始日期', '如 2027-03-01')}
        {input('closesOn', '截止日期', '如 2027-03-31')}
        <View className='admin__field'>
          <Text className='admin__label'>公告正文（公开在申报公告页）</Text>
          <Textarea className='admin__input' value={form.notice} maxlength={3000} placeholder='谁可以申报、如何申报、报送要求等' onInput={(e) => setForm({ ...form, notice: e.detail.value })} />
          {errors.notice && <Text className='admin__error'>{errors.notice}</Text>}
        </View>
        {notice && <Text className='admin__notice'>{notice}</Text>}
        <AtButton type='primary' onClick={open}>
          发布公告
        </AtButton>
      </View>
      {loadError ? (
        <Failure message={loadError} onRetry={load} />
      ) : calls === null ? (
        <Loading />
      ) : calls.length === 0 ? (
        <Empty title='还没有发布过申报公告' />
      ) : (
        calls.map((c) => (
          <View key={c.callId} className='admin__card admin__row'>
            <Text className='admin__name'>{c.title}</Text>
            <Text className='admin__meta'>
              {c.opensOn} 至 {c.closesOn} · {STATE_LABELS[c.state]}
            </Text>
          </View>
        ))
      )}
    </View>
  );
}

export default deskPage('申报公告', CallsPage);

/** The bureau enters the State Council's holiday calendar for a year the built-in calendar does not know yet. */
import { useCallback, useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { CalendarView } from '@shared/publicity';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Failure, Loading } from '../../../../components/StateView';
import '../admin.scss';
import { deskPage } from '../../../../components/desk/deskPage';

const SOURCE = { published: '已内置国务院公布的安排', override: '已按录入的安排计算', statutory: '尚未公布：按法定节假日计算，未计调休' };
const dates = (text: string) => text.split(/[\s,，、]+/).map((s) => s.trim()).filter(Boolean);

function CalendarPage() {
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [view, setView] = useState<CalendarView | null>(null);
  const [error, setError] = useState('');
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [notice, setNotice] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      const v = await api('publicity', 'calendar', { year });
      setView(v);
      setHolidays(v.holidays.join('\n'));
      setWorkdays(v.workdays.join('\n'));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [year]);
  useEffect(() => {
    load();
  }, [load]);
  const save = async () => {
    setNotice('');
    try {
      setView(await api('publicity', 'setCalendar', { year, holidays: dates(holidays), workdays: dates(workdays) }));
      setNotice('已保存，之后的公示和整改期限按此计算');
    } catch (e) {
      setNotice(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  if (error) return <Failure message={error} onRetry={load} />;
  if (!view) return <Loading />;
  return (
    <View className='admin'>
      <View className='admin__filters'>
        {[year - 1, year, year + 1].map((y) => (
          <Text key={y} className={`admin__chip ${y === year ? 'admin__chip--on' : ''}`} onClick={() => setYear(y)}>
            {y} 年
          </Text>
        ))}
      </View>
      <View className='admin__card'>
        <Text className='admin__title'>{year} 年</Text>
        <Text className={view.source === 'statutory' ? 'admin__error' : 'admin__meta'}>{SOURCE[view.source]}</Text>
        <Text className='admin__label'>放假日期（每行一个，如 {year}-10-04）</Text>
        <Textarea className='admin__textarea' value={holidays} maxlength={2000} onInput={(e) => setHolidays(e.detail.value)} />
        <Text className='admin__label'>调休上班日期</Text>
        <Textarea className='admin__textarea' value={workdays} maxlength={1000} onInput={(e) => setWorkdays(e.detail.value)} />
        {notice && <Text className='admin__notice'>{notice}</Text>}
        <AtButton type='primary' onClick={save}>
          保存 {year} 年安排
        </AtButton>
      </View>
    </View>
  );
}

export default deskPage('节假日设置', CalendarPage);

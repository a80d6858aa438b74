/**
 * The public call (公告征集), open to anyone without signing in: the notice and its dates, who may declare and how,
 * the specification's fields, the full rubric with its bands and the three attributes (评审标准，主动公开), the enquiry
 * numbers, and a way to start a declaration.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { CallView } from '@shared/declaration';
import { REVIEW_RULES, type PublicResults } from '@shared/review';
import { ATTRIBUTES, ATTRIBUTE_LABELS, PASS_MARK, RUBRIC, RUBRIC_TOTAL } from '@shared/rubric';
import { SPEC_SECTIONS } from '@shared/specFields';
import { chineseDate } from '@shared/time';
import { api, errorMessage } from '../../api/client';
import { Failure, Loading } from '../../components/StateView';
import { useLargeFont } from '../../utils/largeFont';
import { CallNeeds } from '../../components/CallNeeds';
import { Unbroken } from '../../components/Unbroken';
import './index.scss';

/** The seed's enquiry numbers (附件1 备注 4). */
const ENQUIRY_PHONES = ['85256615', '85256525'];
const STATE_TEXT: Record<CallView['state'], string> = { upcoming: '尚未开始', open: '正在受理', closed: '已截止' };

type State = { status: 'loading' } | { status: 'ready'; call: CallView | null; results: PublicResults | null } | { status: 'error'; message: string };

export default function CallPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [large] = useLargeFont();
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const { calls } = await api('declarations', 'listCalls', {});
      const call = calls[0] ?? null;
      // 主动公开评审结果: the latest year's confirmed results, once there are any.
      const results = call ? await api('reviews', 'publicResults', { year: call.year }).catch(() => null) : null;
      setState({ status: 'ready', call, results });
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) });
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Failure message={state.message} onRetry={load} />;
  const { call, results } = state;
  const dial = (phone: string) => Taro.makePhoneCall({ phoneNumber: `0571${phone}` }).catch(() => undefined);
  const start = async () => {
    let me: { roles: string[]; org: unknown } | null = null;
    try {
      me = await api('auth', 'me', {});
    } catch {
      me = null;
    }
    if (me?.roles.includes('applicant') && me.org) Taro.navigateTo({ url: '/packages/applicant/pages/declarations/index' });
    else Taro.navigateTo({ url: '/packages/account/pages/register/index' });
  };
  const toggle = (key: string) => setOpen(open === key ? null : key);

  return (
    <View className={`call ${large ? 'lf' : ''}`}>
      <View className='call__head'>
        <Text className='call__title'>{call ? call.title : '杭州市公共法律服务产品申报'}</Text>
        {call ? (
          <Text className={`call__state call__state--${call.state}`}>
            <Unbroken text={`${STATE_TEXT[call.state]}：${chineseDate(call.opensOn)} 至 ${chineseDate(call.closesOn)}`} />
          </Text>
        ) : (
          <Text className='call__state'>本年度申报公告尚未发布，请留意市司法局的公告。评审标准先行公开如下。</Text>
        )}
        {call?.notice && <Text className='call__text'>{call.notice}</Text>}
      </View>

      <View className='call__block'>
        <Text className='call__subtitle'>谁可以申报，怎么申报</Text>
        <Text className='call__text'>• 法律服务机构、企事业单位、社会组织可以自行申报；法律服务行业协会及其他社会组织可以本行业（组织）名义推荐。</Text>
        <Text className='call__text'>• 在本小程序登记单位（填写统一社会信用代码），经市司法局核验后即可提交；组织推荐的，由推荐的协会在线确认。</Text>
        <Text className='call__text'>• 按说明书逐项填写产品名称、提供主体、服务对象、资金来源、服务流程、服务标准、服务价格、评价办法等内容，可上传附件；评审期间可能要求补充材料，必要时参加评审会现场陈述。</Text>
        <Text className='call__text'>• 申报一般一年一次。</Text>
      </View>

      <View className='call__block'>
        <Text className='call__subtitle'>咨询电话（点击拨打）</Text>
        <View className='call__phones'>
          {ENQUIRY_PHONES.map((p) => (
            <View key={p} className='call__phone' role='link' aria-label={`拨打 0571-${p}`} onClick={() => dial(p)}>
              <Text className='nobreak'>{`0571-${p}`}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='call__block'>
        <Text className='call__subtitle'>产品说明书要填写的内容</Text>
        {SPEC_SECTIONS.map((s) => (
          <View key={s.key} className='call__section'>
            <View className='call__row call__row--head' role='button' aria-expanded={open === `s-${s.key}` ? 'true' : 'false'} onClick={() => toggle(`s-${s.key}`)}>
              <Unbroken text={`${s.title}（${s.fields.length} 项）${open === `s-${s.key}` ? '▲' : '▼'}`} />
            </View>
            {open === `s-${s.key}` &&
              s.fields.map((f) => (
                <Text key={f.key} className='call__field'>
                  {f.label}
                  {f.hint ? `：${f.hint}` : ''}
                </Text>
              ))}
          </View>
        ))}
      </View>

      <View className='call__block call__rubric'>
        <Unbroken className='call__subtitle' text={`评审标准（总分 ${RUBRIC_TOTAL} 分，达标分数线 ${PASS_MARK} 分）`} />
        <Text className='call__text'>{REVIEW_RULES.panel}</Text>
        <Text className='call__text'>{REVIEW_RULES.scores}</Text>
        {RUBRIC.map((item) => (
          <View key={item.key} className='call__item'>
            <Unbroken className='call__item-label' text={`${item.aspect === item.label ? item.label : `${item.aspect} · ${item.label}`}（${item.max} 分）`} />
            {item.hint && <Text className='call__hint'>提示：{item.hint}</Text>}
            {item.bands.map((band) => (
              <Unbroken key={band.text} className='call__band' text={`${band.text}（${band.min === band.max ? band.min : `${band.min}–${band.max}`} 分）`} />
            ))}
          </View>
        ))}
        <Text className='call__subtitle call__subtitle--inner'>三项属性（严格审查）</Text>
        {ATTRIBUTES.map((a) => (
          <View key={a} className='call__item'>
            <Text className='call__item-label'>{ATTRIBUTE_LABELS[a].label}</Text>
            <Text className='call__band'>{ATTRIBUTE_LABELS[a].hint}</Text>
          </View>
        ))}
        <Text className='call__text' id='rule-attributes'>
          {REVIEW_RULES.attributes}
        </Text>
        <Text className='call__subtitle call__subtitle--inner'>评审结果怎样确认</Text>
        <Text className='call__text' id='rule-confirmation'>
          {REVIEW_RULES.confirmation}
        </Text>
      </View>

      {results && (results.proposed.length > 0 || results.notPassed > 0) && (
        <View className='call__block'>
          <Text className='call__subtitle'>{results.year} 年度评审结果</Text>
          {results.proposed.map((r) => (
            <View key={r.declarationId} className='call__item'>
              <Unbroken className='call__item-label' text={`${r.name}（平均分 ${r.average.toFixed(2)}）`} />
              <Text className='call__band'>
                {r.applicant}
                {r.recommender ? `，${r.recommender}推荐` : ''}
              </Text>
              <Text className='call__hint'>评审专家：{r.experts.join('、')}</Text>
            </View>
          ))}
          <Unbroken className='call__text' text={`拟定 ${results.proposed.length} 项${results.notPassed ? `，另有 ${results.notPassed} 项未通过评审` : ''}。`} />
        </View>
      )}

      {call && <CallNeeds callId={call.callId} />}

      <View className='call__actions'>
        <AtButton type='primary' onClick={start}>
          {call?.state === 'open' ? '开始申报' : '登记单位，准备申报'}
        </AtButton>
        <AtButton onClick={() => Taro.reLaunch({ url: '/pages/catalogue/index' })}>返回服务目录</AtButton>
      </View>
    </View>
  );
}

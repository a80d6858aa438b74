/**
 * An organisation registers itself to declare (or, as an association, to recommend): its name, unified social credit
 * code (checked on the phone and again by the server), kind, district and a contact. It can draft at once and submit
 * once the bureau has verified it; a member invites colleagues with a one-time code.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { creditCodeProblem } from '@shared/creditCode';
import { DISTRICTS } from '@shared/domain';
import { ORG_KINDS, ORG_KIND_LABELS, ORG_STATUS_LABELS, type OrgKind, type OrgView } from '@shared/org';
import { api, ApiError, ensureSession, errorMessage } from '../../../../api/client';
import { Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import '../../../../pages/me/index.scss';
import './index.scss';
import { scrollToSelector } from '../../../../utils/scrollTo';

type Form = { name: string; creditCode: string; kind: OrgKind | ''; district: string; contactName: string; contactPhone: string };
const EMPTY: Form = { name: '', creditCode: '', kind: '', district: '', contactName: '', contactPhone: '' };
/** The fields in the order the page shows them: the first with a problem is scrolled into view. */
const ORDER: (keyof Form)[] = ['name', 'creditCode', 'kind', 'district', 'contactName', 'contactPhone'];

/** Brings a field (or the message by the button) into view: Taro's pageScrollTo by selector works in WeChat and on H5. */
function scrollToAnchor(id: string): void {
  setTimeout(() => void scrollToSelector(`#${id}`, { offsetTop: -12 }), 60);
}

/** The checks the phone can make before sending (the credit code's check character among them); the server checks all again. */
function check(f: Form): Record<string, string> {
  const e: Record<string, string> = {};
  if (f.name.trim().length < 2) e.name = '请填写单位名称';
  const code = f.creditCode.trim().toUpperCase();
  const problem = code ? creditCodeProblem(code) : '请填写统一社会信用代码';
  if (problem) e.creditCode = problem;
  if (!f.kind) e.kind = '请选择单位类型';
  if (!f.district) e.district = '请选择所在区县';
  if (f.contactName.trim().length < 2) e.contactName = '请填写联系人姓名';
  if (!f.contactPhone.trim()) e.contactPhone = '请填写联系电话';
  return e;
}

type State = { status: 'loading' } | { status: 'ready'; org: OrgView | null } | { status: 'error'; message: string };

export default function RegisterPage() {
  const [large] = useLargeFont();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [invite, setInvite] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      await ensureSession();
      setState({ status: 'ready', org: (await api('orgs', 'mine', {})).org });
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) });
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !(k in patch))));
  };
  const submit = async () => {
    setNotice(null);
    const found = check(form);
    setErrors(found);
    const first = ORDER.find((k) => found[k]);
    if (first) return scrollToAnchor(`f-${first}`);
    setBusy(true);
    try {
      const org = await api('orgs', 'register', { ...form, kind: form.kind as OrgKind, district: form.district as (typeof DISTRICTS)[number] });
      setState({ status: 'ready', org });
      setNotice({ kind: 'ok', text: '登记成功。市司法局核验后即可提交申报，现在可以先填写草稿' });
    } catch (e) {
      // Field problems show under their fields (named by the page's own labels); anything else by the button.
      const fields = e instanceof ApiError ? Object.fromEntries(e.issues.filter((i) => ORDER.includes(i.path as keyof Form)).map((i) => [i.path, i.message])) : {};
      setErrors(fields);
      const first = ORDER.find((k) => fields[k]);
      if (first && e instanceof ApiError && Object.keys(fields).length === e.issues.length) return scrollToAnchor(`f-${first}`);
      setNotice({ kind: 'error', text: errorMessage(e) });
      scrollToAnchor(first ? `f-${first}` : 'reg-notice');
    } finally {
      setBusy(false);
    }
  };
  const addMember = async () => {
    setBusy(true);
    try {
      setInvite((await api('orgs', 'addMember', {})).inviteCode);
    } catch (e) {
      setNotice({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Failure message={state.message} onRetry={load} />;
  const field = (key: keyof Form, label: string, placeholder: string, maxlength = 60) => (
    <View className={`reg__field ${errors[key] ? 'reg__field--error' : ''}`} id={`f-${key}`}>
      <Text className='reg__label'>{label}</Text>
      <Input className='me__input reg__input' value={form[key]} maxlength={maxlength} placeholder={placeholder} onInput={(e) => set({ [key]: e.detail.value } as Partial<Form>)} />
      {errors[key] && <Text className='reg__error'>{errors[key]}</Text>}
    </View>
  );
  const chips = (key: 'kind' | 'district', options: { value: string; label: string }[], label: string) => (
    <View className={`reg__field ${errors[key] ? 'reg__field--error' : ''}`} id={`f-${key}`}>
      <Text className='reg__label'>{label}</Text>
      <View className='reg__chips' role='radiogroup' aria-label={label}>
        {options.map((o) => (
          <View key={o.value} className={`reg__chip ${form[key] === o.value ? 'reg__chip--on' : ''}`} role='radio' aria-checked={form[key] === o.value ? 'true' : 'false'} onClick={() => set({ [key]: o.value } as Partial<Form>)}>
            <Text>{o.label}</Text>
          </View>
        ))}
      </View>
      {errors[key] && <Text className='reg__error'>{errors[key]}</Text>}
    </View>
  );

  const org = state.org;
  return (
    <View className={`me reg ${large ? 'lf' : ''}`}>
      {notice && (org || notice.kind === 'ok') && <Text className={`me__notice me__notice--${notice.kind}`}>{notice.text}</Text>}
      {org ? (
        <View className='me__card'>
          <Text className='me__title'>{org.name}</Text>
          <Text className={`reg__status reg__status--${org.status}`}>{ORG_STATUS_LABELS[org.status]}</Text>
          {org.status === 'pending' && <Text className='me__hint'>市司法局核验通过前，可以先填写申报草稿，核验后再提交。</Text>}
          {org.status === 'rejected' && <Text className='me__hint'>未通过的理由：{org.verification?.reason}。如有疑问请拨打 0571-85256615。</Text>}
          {org.creditCode && <Text className='me__hint'>统一社会信用代码：{org.creditCode}</Text>}
          <AtButton type='primary' onClick={() => Taro.navigateTo({ url: '/packages/applicant/pages/declarations/index' })}>
            我的申报
          </AtButton>
          <AtButton disabled={busy || org.status !== 'verified'} onClick={addMember}>
            邀请同事加入本单位
          </AtButton>
          {org.status === 'pending' && <Text className='me__hint'>核验通过后才能邀请同事加入。</Text>}
          {invite && <Text className='reg__invite'>邀请码 {invite}（只能使用一次，请同事在“我的”页面输入）</Text>}
        </View>
      ) : (
        <View className='me__card'>
          <Text className='me__title'>登记申报单位</Text>
          <Text className='me__hint'>法律服务机构、企事业单位、社会组织和行业协会均可登记。已收到市司法局邀请码的，请在“我的”页面直接绑定。</Text>
          {field('name', '单位名称', '与营业执照或登记证书一致')}
          {field('creditCode', '统一社会信用代码', '18 位，见营业执照或登记证书', 18)}
          {chips('kind', ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] })), '单位类型')}
          {chips('district', DISTRICTS.map((d) => ({ value: d, label: d })), '所在区县')}
          {field('contactName', '联系人姓名', '仅市司法局可见', 30)}
          {field('contactPhone', '联系电话', '手机号或带区号的固定电话（仅市司法局可见）', 20)}
          {notice?.kind === 'error' && (
            <Text className='me__notice me__notice--error reg__notice' id='reg-notice'>
              {notice.text}
            </Text>
          )}
          <AtButton type='primary' disabled={busy} onClick={submit}>
            提交登记
          </AtButton>
        </View>
      )}
      <AtButton onClick={() => Taro.navigateTo({ url: '/pages/call/index' })}>查看申报公告与评审标准</AtButton>
    </View>
  );
}

/**
 * 我的 (a tab): my comments, my ratings and their follow-up, and by role my declarations, assignments or the bureau's
 * desk; 长辈模式; binding an invitation code; and, discreetly, the staff sign-in of the local mode.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { askConfirm, DialogHost } from '../../components/Dialog';
import { AtButton } from 'taro-ui';
import type { MeResult, MyActivity } from '@shared/actions/auth';
import { ROLE_LABELS } from '@shared/domain';
import { INVITE_TTL_DAYS } from '@shared/limits';
import { COMMENT_STATUS_LABELS } from '@shared/publicity';
import { LEVEL_LABELS, type Level } from '@shared/rating';
import { api, ApiError, ensureSession, errorMessage, signOut, signInWithAdminToken } from '../../api/client';
import { usesToken } from '../../api/transport';
import { ElderSwitch } from '../../components/ElderSwitch';
import { deskHome, menuGroups } from '../../components/desk/sections';
import { forgetIdentity } from '../../components/desk/useIdentity';
import { Failure, Loading } from '../../components/StateView';
import { TabBar } from '../../components/TabBar';
import { Unbroken } from '../../components/Unbroken';
import { useLargeFont } from '../../utils/largeFont';
import { useDeskWidth } from '../../utils/desk';
import { goTab } from '../../utils/nav';
import './index.scss';

type State = { status: 'loading' } | { status: 'ready'; me: MeResult; activity: MyActivity } | { status: 'error'; message: string };
const go = (url: string) => () => Taro.navigateTo({ url });
/** The roles that act for an organisation that declares (its own products, or its members'): they keep 单位申报. */
const ORG_ROLES = new Set<string>(['applicant', 'association']);

export default function MePage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [large, toggleLarge] = useLargeFont();
  const [code, setCode] = useState('');
  const [staffOpen, setStaffOpen] = useState(false);
  const [adminToken, setAdminToken] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const desk = useDeskWidth();

  const load = useCallback(async () => {
    try {
      const [me, activity] = await Promise.all([api('auth', 'me', {}), api('auth', 'myActivity', {})]);
      setState({ status: 'ready', me, activity });
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) });
    }
  }, []);
  useDidShow(() => {
    load();
  });

  const redeem = async () => {
    setBusy(true);
    setNotice(null);
    try {
      await ensureSession();
      await api('auth', 'redeemInvite', { code });
      setNotice({ kind: 'ok', text: '绑定成功' });
      setCode('');
      await load();
    } catch (e) {
      const text = e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e);
      setNotice({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
  };

  const signInAsStaff = async () => {
    setBusy(true);
    setNotice(null);
    signInWithAdminToken(adminToken);
    try {
      // The admin token, or (local mode) an account's own token, such as the demo's sign-ins (README: 本地演示账号).
      const me = await api('auth', 'me', {});
      if (!me.userId) throw new Error('no account');
      const staff = me.roles.filter((r) => r !== 'citizen');
      setNotice({ kind: 'ok', text: me.roles.includes('admin') ? '已以市司法局管理员身份登录' : `已以${staff.length ? staff.map((r) => ROLE_LABELS[r]).join('、') : '市民'}身份登录${me.org ? `（${me.org.name}）` : ''}` });
      setAdminToken('');
      setStaffOpen(false);
      forgetIdentity();
      // At a desk the first thing staff see is their to-do list.
      if (desk) Taro.navigateTo({ url: deskHome(me.roles)! });
    } catch {
      signOut();
      setNotice({ kind: 'error', text: '口令不正确，请向系统管理员核对' });
    } finally {
      setBusy(false);
      load();
    }
  };

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Failure message={state.message} onRetry={load} />;
  const { me, activity } = state;
  const roles = me.roles.filter((r) => r !== 'citizen');
  const anonymous = roles.length === 0;

  const confirmSignOut = async () => {
    // An anonymous identity lives only on this device: say what goes with it before it goes.
    const lost: string[] = [];
    if (activity.comments.length) lost.push(`${activity.comments.length} 条意见`);
    if (activity.ratings.length) lost.push(`${activity.ratings.length} 条评价`);
    if (activity.openCases) lost.push(`${activity.openCases} 件不满意评价的处理进度`);
    const content = anonymous
      ? `您没有绑定账号，退出后这台设备不再记得您${lost.length ? `：您的${lost.join('、')}将无法再查看` : ''}，也无法找回。`
      : '退出后需要重新登录才能继续办理。';
    const confirm = await askConfirm({ title: '确定退出吗？', content, confirmText: '退出', cancelText: '不退出' });
    if (!confirm) return;
    signOut();
    forgetIdentity();
    setNotice(null);
    setState({ status: 'loading' });
    load();
  };

  return (
    <View className={`me ${large ? 'lf' : ''}`}>
      <ElderSwitch on={large} onToggle={toggleLarge} />
      <View className='me__body'>
        <View className='me__card'>
          <Text className='me__title'>当前身份</Text>
          <Text className='me__roles'>{roles.length ? roles.map((r) => ROLE_LABELS[r]).join('、') : me.userId ? '市民' : '游客（浏览目录无需登录）'}</Text>
          {me.org && <Text className='me__org'>所属单位：{me.org.name}</Text>}
        </View>

        {notice && <Text className={`me__notice me__notice--${notice.kind}`}>{notice.text}</Text>}

        {desk && deskHome(me.roles) && (
          <View className='me__card'>
            <Text className='me__title'>工作台</Text>
            <Text className='me__hint'>在电脑上办理：左侧菜单直达各项工作，列表可排序、筛选和批量办理。</Text>
            <AtButton type='primary' onClick={go(deskHome(me.roles)!)}>
              进入工作台
            </AtButton>
          </View>
        )}

        {me.userId && (
          <View className='me__card'>
            <Text className='me__title'>消息</Text>
            <AtButton onClick={go('/packages/account/pages/messages/index')}>我的消息</AtButton>
          </View>
        )}

        {menuGroups(me.roles).map((g) => (
          <View key={g.title} className='me__card'>
            <Text className='me__title'>{g.title}</Text>
            {g.sections.map((x) => (
              <AtButton key={x.key} type={x.primary ? 'primary' : undefined} onClick={go(x.url)}>
                {x.label}
              </AtButton>
            ))}
          </View>
        ))}

        <View className='me__card'>
          <Text className='me__title'>我的评价</Text>
          {activity.ratings.length === 0 ? (
            <Text className='me__hint'>您还没有评价过服务。在服务窗口扫描评价码即可评价。</Text>
          ) : (
            activity.ratings.map((r) => (
              <View key={r.ratingId} className='me__row' role='link' onClick={go(`/pages/product/index?id=${r.productId}`)}>
                <Text className='me__rowname'>{r.productName || '服务'}</Text>
                <Text className='me__rowmeta'>
                  {LEVEL_LABELS[r.level as Level]} · <Unbroken text={r.ratedOn} />
                </Text>
              </View>
            ))
          )}
          {(activity.openCases > 0 || activity.ratings.some((r) => r.level <= 2)) && (
            <AtButton onClick={go('/packages/account/pages/cases/index')}>{activity.openCases > 0 ? `不满意评价的处理进度（${activity.openCases} 件处理中）` : '不满意评价的处理结果'}</AtButton>
          )}
        </View>

        <View className='me__card'>
          <Text className='me__title'>我的意见</Text>
          {activity.comments.length === 0 ? (
            <Text className='me__hint'>您还没有对公示中的产品提过意见。</Text>
          ) : (
            activity.comments.map((c) => (
              <View key={c.commentId} className='me__row' role='link' onClick={go(`/pages/notice/index?id=${c.declarationId}`)}>
                <Text className='me__rowname'>{c.productName || '公示产品'}</Text>
                <Text className='me__rowtext'>{c.text}</Text>
                <Text className='me__rowmeta'>
                  <Unbroken text={c.createdOn} /> · {COMMENT_STATUS_LABELS[c.status]}
                  {c.answered ? ' · 已答复' : ''}
                </Text>
              </View>
            ))
          )}
          <AtButton onClick={() => goTab('publicity')}>看看正在公示的产品</AtButton>
        </View>

        {me.userId && (anonymous || roles.some((r) => ORG_ROLES.has(r))) && (
          <View className='me__card'>
            <Text className='me__title'>单位申报</Text>
            <AtButton onClick={go('/packages/account/pages/register/index')}>{me.org ? '本单位登记信息' : '登记申报单位'}</AtButton>
            <AtButton onClick={go('/pages/call/index')}>申报公告与评审标准</AtButton>
          </View>
        )}

        <View className='me__card'>
          <Text className='me__title'>绑定邀请码</Text>
          <Text className='me__hint'>申报单位和评审专家请输入市司法局发放的邀请码，如 ABCD-2345。邀请码发放后 {INVITE_TTL_DAYS} 天内有效，过期请联系市司法局重新发放。</Text>
          <Input className='me__input' value={code} maxlength={9} placeholder='邀请码' aria-label='邀请码' onInput={(e) => setCode(e.detail.value.toUpperCase())} />
          <AtButton type='primary' disabled={busy || code.trim().length < 8} onClick={redeem}>
            绑定
          </AtButton>
        </View>

        {usesToken && me.userId && (
          <AtButton className='me__signout' onClick={confirmSignOut}>
            退出登录
          </AtButton>
        )}

        {usesToken && anonymous && (
          <View className='me__staff'>
            {!staffOpen ? (
              <View className='me__stafflink' role='button' onClick={() => setStaffOpen(true)}>
                <Text>工作人员登录</Text>
              </View>
            ) : (
              <View className='me__card'>
                <Text className='me__title'>工作人员登录</Text>
                <Text className='me__hint'>市司法局工作人员请输入管理员口令；其他工作人员请输入本人账号的口令。</Text>
                <Input className='me__input' value={adminToken} password placeholder='管理员口令或账号口令' aria-label='管理员口令或账号口令' onInput={(e) => setAdminToken(e.detail.value)} />
                <AtButton disabled={busy || adminToken.trim().length < 8} onClick={signInAsStaff}>
                  登录
                </AtButton>
              </View>
            )}
          </View>
        )}
      </View>
      <TabBar current='me' />
      <DialogHost />
    </View>
  );
}

import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { MeResult } from '@shared/actions/auth';
import { ROLE_LABELS } from '@shared/domain';
import { INVITE_TTL_DAYS } from '@shared/limits';
import { api, ApiError, ensureSession, errorMessage, signOut, signInWithAdminToken } from '../../../../api/client';
import { Failure, Loading } from '../../../../components/StateView';
import './index.scss';

type State = { status: 'loading' } | { status: 'ready'; me: MeResult } | { status: 'error'; message: string };

export default function MePage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [code, setCode] = useState('');
  const [adminToken, setAdminToken] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', me: await api('auth', 'me', {}) });
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) });
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const redeem = async () => {
    setBusy(true);
    setNotice(null);
    try {
      await ensureSession();
      const me = await api('auth', 'redeemInvite', { code });
      setState({ status: 'ready', me });
      setNotice({ kind: 'ok', text: '绑定成功' });
      setCode('');
    } catch (e) {
      const text = e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e);
      setNotice({ kind: 'error', text });
    } finally {
      setBusy(false);
    }
  };

  const signInAsAdmin = async () => {
    setBusy(true);
    setNotice(null);
    signInWithAdminToken(adminToken);
    try {
      const me = await api('auth', 'me', {});
      if (!me.roles.includes('admin')) throw new Error('not admin');
      setState({ status: 'ready', me });
      setNotice({ kind: 'ok', text: '已以市司法局管理员身份登录' });
      setAdminToken('');
    } catch {
      signOut();
      setNotice({ kind: 'error', text: '口令不正确，请核对启动时打印的管理员口令' });
      load();
    } finally {
      setBusy(false);
    }
  };

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Failure message={state.message} onRetry={load} />;
  const { me } = state;
  const roles = me.roles.filter((r) => r !== 'citizen');

  return (
    <View className='me'>
      <View className='me__card'>
        <Text className='me__title'>当前身份</Text>
        <Text className='me__roles'>{roles.length ? roles.map((r) => ROLE_LABELS[r]).join('、') : me.userId ? '市民' : '游客（浏览目录无需登录）'}</Text>
        {me.org && <Text className='me__org'>所属单位：{me.org.name}</Text>}
      </View>

      {notice && <Text className={`me__notice me__notice--${notice.kind}`}>{notice.text}</Text>}

      {me.userId && (
        <View className='me__card'>
          <Text className='me__title'>我的评价</Text>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/account/pages/cases/index' })}>不满意评价的处理结果</AtButton>
        </View>
      )}

      {me.roles.includes('admin') && (
        <View className='me__card'>
          <Text className='me__title'>市司法局</Text>
          <AtButton type='primary' onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/declarations/index' })}>
            申报管理
          </AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/calls/index' })}>申报公告</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/experts/index' })}>评审专家库</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/orgs/index' })}>单位核验</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/calendar/index' })}>节假日设置</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/assessment/index' })}>年度测评</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/applicant/pages/ratings/index' })}>评价码与整改</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/flagged/index' })}>待复核的评价</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/admin/pages/procurement/index' })}>采购与群众需求</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/events/index' })}>信用信息</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/proposal/index' })}>目录调整建议</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/rectifications/index' })}>限期整改</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/exit/index' })}>暂停与退出目录</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/members/index' })}>行业协会会员</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/rules/index' })}>信用与调整规则</AtButton>
        </View>
      )}

      {me.roles.includes('association') && (
        <View className='me__card'>
          <Text className='me__title'>行业协会</Text>
          <AtButton type='primary' onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/members/index' })}>
            会员单位与信用信息
          </AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/events/index' })}>记录信用信息</AtButton>
        </View>
      )}

      {me.roles.includes('expert') && (
        <View className='me__card'>
          <Text className='me__title'>评审专家</Text>
          <AtButton type='primary' onClick={() => Taro.navigateTo({ url: '/packages/expert/pages/assignments/index' })}>
            我的评审任务
          </AtButton>
        </View>
      )}

      {me.roles.includes('applicant') && (
        <View className='me__card'>
          <Text className='me__title'>申报单位</Text>
          <AtButton type='primary' onClick={() => Taro.navigateTo({ url: '/packages/applicant/pages/declarations/index' })}>
            我的申报
          </AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/applicant/pages/ratings/index' })}>服务评价与整改</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/mine/index' })}>信用信息与限期整改</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/applicant/pages/assessment/index' })}>年度测评</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/applicant/pages/procurement/index' })}>采购确认与定制</AtButton>
        </View>
      )}

      {me.roles.includes('assessor') && (
        <View className='me__card'>
          <Text className='me__title'>测评机构</Text>
          <AtButton type='primary' onClick={() => Taro.navigateTo({ url: '/packages/assessor/pages/products/index' })}>
            我的测评任务
          </AtButton>
        </View>
      )}

      {me.roles.includes('purchaser') && (
        <View className='me__card'>
          <Text className='me__title'>采购单位</Text>
          <AtButton type='primary' onClick={() => Taro.navigateTo({ url: '/packages/purchaser/pages/desk/index' })}>
            我的采购
          </AtButton>
        </View>
      )}

      {me.userId && (
        <View className='me__card'>
          <Text className='me__title'>单位申报</Text>
          <AtButton onClick={() => Taro.navigateTo({ url: '/packages/account/pages/register/index' })}>{me.org ? '本单位登记信息' : '登记申报单位'}</AtButton>
          <AtButton onClick={() => Taro.navigateTo({ url: '/pages/call/index' })}>申报公告与评审标准</AtButton>
        </View>
      )}

      <View className='me__card'>
        <Text className='me__title'>绑定邀请码</Text>
        <Text className='me__hint'>申报单位和评审专家请输入市司法局发放的邀请码，如 ABCD-2345。邀请码发放后 {INVITE_TTL_DAYS} 天内有效，过期请联系市司法局重新发放。</Text>
        <Input className='me__input' value={code} maxlength={9} placeholder='邀请码' onInput={(e) => setCode(e.detail.value.toUpperCase())} />
        <AtButton type='primary' disabled={busy || code.trim().length < 8} onClick={redeem}>
          绑定
        </AtButton>
      </View>

      {process.env.TARO_ENV === 'h5' && !me.roles.includes('admin') && (
        <View className='me__card'>
          <Text className='me__title'>管理员登录（本地模式）</Text>
          <Text className='me__hint'>输入 npm start 启动时打印的管理员口令。</Text>
          <Input className='me__input' value={adminToken} password placeholder='管理员口令' onInput={(e) => setAdminToken(e.detail.value)} />
          <AtButton disabled={busy || adminToken.trim().length < 8} onClick={signInAsAdmin}>
            登录
          </AtButton>
        </View>
      )}

      {process.env.TARO_ENV === 'h5' && me.userId && (
        <AtButton
          className='me__signout'
          size='small'
          onClick={() => {
            signOut();
            setNotice(null);
            load();
          }}
        >
          退出登录
        </AtButton>
      )}
    </View>
  );
}

/**
 * The bureau's desk in the browser (≥ 1024 px): a persistent side navigation (a `nav` landmark) with every section
 * of the person's roles, one click each, grouped by the regulation's stages (components/desk/sections.ts); a header
 * with who is signed in (role, organisation), 长辈模式 and the way to the public pages; the page in the main region;
 * and a column beside it for a record or the page's actions. Below 1024 px the page is the phone page, untouched.
 *
 * At the desk the document's root font size is held at a phone's (20 px), so the pages' own design sizes read as
 * they do on a phone instead of doubling at this width (Taro scales rem with the window, up to 40 px).
 */
import { useEffect, useRef } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { ROLE_LABELS } from '@shared/domain';
import { currentParams } from '../../utils/address';
import { useDeskWidth } from '../../utils/desk';
import { DialogHost } from '../Dialog';
import { useLargeFont } from '../../utils/largeFont';
import { goHome, goTab } from '../../utils/nav';
import type { DeskLayoutProps } from './DeskLayout.props';
import { activeSection, deskGroups, type DeskSection } from './sections';
import { useIdentity } from './useIdentity';
import './desk.scss';

const ROOT_CLASS = 'deskmode';
/** The desk frames shown now: a page being left must not undo the one that replaced it (redirectTo mounts first). */
const shown = new Set<number>();
let seq = 0;

function go(e: { preventDefault(): void; button?: number; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }, s: DeskSection) {
  // A middle click or Ctrl-click opens the section's own address in a new tab, as a link does.
  if (e.button || e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  Taro.redirectTo({ url: s.url }).catch(() => Taro.navigateTo({ url: s.url }));
}

export function DeskLayout(props: DeskLayoutProps) {
  const desk = useDeskWidth();
  const [large] = useLargeFont();
  // On a phone the page follows 长辈模式 here, whether or not it sets the class itself; the page's confirmations
  // (askConfirm) are drawn by the host below, at a desk and on a phone alike (one host per page).
  return (
    <>
      {desk ? (
        <Desk {...props} />
      ) : (
        <div className={large ? 'lf' : undefined}>
          <PhoneBar title={props.title} />
          {props.children}
        </div>
      )}
      <DialogHost />
    </>
  );
}

/**
 * In a phone-sized browser window there is no WeChat navigation bar: the page's title and the way back to 我的 (where
 * every back-office section starts) are drawn here. In WeChat the navigation bar does both (DeskLayout.tsx).
 */
function PhoneBar({ title }: { title: string }) {
  return (
    <div className='phone-bar'>
      <div className='phone-bar__back' role='link' tabIndex={0} aria-label='返回我的' onClick={() => goTab('me')}>
        ‹ 我的
      </div>
      <div className='phone-bar__title' role='heading' aria-level={1}>
        {title}
      </div>
    </div>
  );
}

function Desk({ title, children, aside, asideLabel, asideWide }: DeskLayoutProps) {
  const me = useIdentity();
  const [large, toggleLarge] = useLargeFont();
  const router = useRouter();
  const root = useRef<HTMLDivElement>(null);

  // While this page is shown at the desk: the root font size of a phone, and this frame's <main> as the page's main
  // landmark (Taro's page container is marked `main` by a11y.h5.ts on a phone).
  const id = useRef(++seq).current;
  const page = useRef<Element | null>(null);
  const enter = () => {
    shown.add(id);
    document.documentElement.classList.add(ROOT_CLASS);
    page.current = root.current?.closest('.taro_page') ?? page.current;
    page.current?.setAttribute('role', 'none');
  };
  const leave = () => {
    shown.delete(id);
    if (shown.size === 0) document.documentElement.classList.remove(ROOT_CLASS);
    page.current?.setAttribute('role', 'main');
  };
  useEffect(() => {
    enter();
    return leave;
  }, []);
  useDidShow(enter);
  useDidHide(leave);

  const groups = me ? deskGroups(me.roles) : [];
  const here = activeSection(groups, router.path, { ...router.params, ...currentParams() } as Record<string, string>);
  const roles = me ? me.roles.filter((r) => r !== 'citizen') : [];

  return (
    <div ref={root} className={`deskshell ${large ? 'lf' : ''} ${aside ? 'deskshell--aside' : ''} ${aside && asideWide ? 'deskshell--wide' : ''}`}>
      <a className='deskshell__skip' href='#desk-main' onClick={(e) => (e.preventDefault(), document.getElementById('desk-main')?.focus())}>
        跳到正文
      </a>
      <nav className='deskshell__nav' aria-label='工作台导航'>
        <p className='deskshell__brand'>
          公共法律服务产品
          <br />
          工作台
        </p>
        {!me && <p className='deskshell__hint'>正在读取您的身份…</p>}
        {groups.map((g) => (
          <div key={g.title} className='deskshell__group'>
            <h2 className='deskshell__stage' id={`stage-${g.title}`}>
              {g.title}
            </h2>
            <ul aria-labelledby={`stage-${g.title}`}>
              {g.sections.map((s) => {
                const on = here === `${g.title}/${s.key}`;
                return (
                  <li key={s.key}>
                    <a className={`deskshell__link ${on ? 'deskshell__link--on' : ''}`} href={`#${s.url}`} aria-current={on ? 'page' : undefined} onClick={(e) => go(e, s)}>
                      {s.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </nav>
      <header className='deskshell__header'>
        <h1 className='deskshell__title'>{title}</h1>
        <p className='deskshell__who'>
          {me ? (
            <>
              <span className='deskshell__role'>{roles.length ? roles.map((r) => ROLE_LABELS[r]).join('、') : '未登录'}</span>
              {me.org ? <span className='deskshell__org'>{me.org.name}</span> : roles.includes('admin') ? <span className='deskshell__org'>杭州市司法局</span> : null}
            </>
          ) : (
            '…'
          )}
        </p>
        <button type='button' className='deskshell__switch' role='switch' aria-checked={large} onClick={toggleLarge}>
          长辈模式：{large ? '开' : '关'}
        </button>
        <button type='button' className='deskshell__out' onClick={() => goTab('me')}>
          我的账号
        </button>
        <button type='button' className='deskshell__out' onClick={goHome}>
          公众页面
        </button>
      </header>
      <main className='deskshell__main' id='desk-main' tabIndex={-1} aria-label={title}>
        {children}
      </main>
      {aside && (
        <aside className='deskshell__aside' aria-label={asideLabel ?? '详情'}>
          {aside}
        </aside>
      )}
    </div>
  );
}

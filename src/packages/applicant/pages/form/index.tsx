/** 张律师 fills in the specification: section by section, autosaved, every problem shown under its field. */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { DECLARATION_MODE_LABELS, DECLARATION_STATUS_LABELS } from '@shared/declaration';
import { SPEC_SECTIONS, readField } from '@shared/specFields';
import { api, errorMessage } from '../../../../api/client';
import { Failure, Loading } from '../../../../components/StateView';
import { canPrint, openPrintable } from '../../../../utils/print';
import { Attachments } from './Attachments';
import { Field } from './Field';
import { PlacePicker } from './PlacePicker';
import { ReviewInfo } from './ReviewInfo';
import { Materials } from './Materials';
import { Problems } from './Problems';
import { useDeclarationForm } from './useDeclarationForm';
import { useLargeFont } from '../../../../utils/largeFont';
import './index.scss';
import { askToHearBack } from '../../../../utils/subscribe';
import { scrollToSelector } from '../../../../utils/scrollTo';

const filledIn = (spec: unknown, keys: string[]) => keys.filter((k) => String(readField(spec, k) ?? '').trim() !== '').length;
/** The fields a section must have filled in (coordinates are optional). */
const requiredOf = (s: (typeof SPEC_SECTIONS)[number]) => s.fields.filter((f) => !f.optional).map((f) => f.key);
/** The element a field's problem scrolls to (Field.tsx gives each field this id). */
const anchorOf = (key: string) => `f-${key.replace(/\./g, '-')}`;
const LAST = SPEC_SECTIONS.length - 1;
/** The section a problem's field sits in: the attachment list is under the last one, the recommender under 产品基本情况. */
const sectionOf = (key: string) => {
  if (key === 'attachments') return LAST;
  if (key === 'recommenderOrgId') return SPEC_SECTIONS.findIndex((s) => s.key === 'basic');
  return SPEC_SECTIONS.findIndex((s) => s.fields.some((f) => f.key === key));
};

export default function DeclarationFormPage() {
  const initialId = useRouter().params.id || null;
  const form = useDeclarationForm(initialId);
  const [step, setStep] = useState(0);
  const [checking, setChecking] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [associations, setAssociations] = useState<{ orgId: string; name: string }[]>([]);
  /** The applicant has seen the warning that no attachment is added and goes on without one. */
  const [noAttachmentsOk, setNoAttachmentsOk] = useState(false);
  const [large] = useLargeFont();
  useEffect(() => {
    api('orgs', 'associations', {})
      .then((r) => setAssociations(r.associations))
      .catch(() => setAssociations([]));
  }, []);

  if (form.loaded.status === 'loading') return <Loading />;
  if (form.loaded.status === 'error') return <Failure message={form.loaded.message} onRetry={form.reload} />;

  const { draft, errors, save, view } = form;
  const locked = view !== null && view.status !== 'draft';
  const section = SPEC_SECTIONS[step];
  const sectionErrors = (i: number, errs: Record<string, string> = errors) =>
    SPEC_SECTIONS[i].fields.filter((f) => errs[f.key]).length + (SPEC_SECTIONS[i].key === 'basic' && errs.recommenderOrgId ? 1 : 0) + (i === LAST && errs.attachments ? 1 : 0);
  const last = step === LAST;
  const attachmentCount = draft.spec.attachments?.length ?? 0;
  const problemCount = Object.keys(errors).length;

  /** The check opens below the form: bring it into view, or it looks as if nothing happened (new-user walk). */
  const openCheck = () => {
    setChecking(true);
    setTimeout(() => void scrollToSelector('#precheck'), 80);
  };
  /** Opens the field's section and scrolls it into view: Taro's pageScrollTo by selector works in WeChat and on H5. */
  const goTo = (key: string) => {
    setChecking(false);
    const i = sectionOf(key);
    if (i >= 0) setStep(i);
    setTimeout(() => void scrollToSelector(`#${anchorOf(key)}`), 80);
  };

  const submit = async () => {
    // Asked at the tap (WeChat allows it only then): material requests, the review result and the publicity follow.
    await askToHearBack(['TASK', 'RESULT']);
    const problems = await form.submit();
    setChecking(false);
    if (!problems) setSubmitted(true);
    else {
      const first = Object.keys(problems).sort((a, b) => sectionOf(a) - sectionOf(b))[0];
      if (first) goTo(first);
    }
  };

  if (submitted)
    return (
      <View className='decl'>
        <View className='check'>
          <Text className='check__title'>申报已提交</Text>
          <Text className='check__hint'>接下来：市司法局进行形式审查，必要时会请您补充材料（会显示在“我的申报”里）；通过后由专家评审，拟认定的产品向社会公示不少于 7 个工作日，公示无异议后发文认定并列入目录。</Text>
          <Text className='check__hint'>请打印说明书，盖章后报送市司法局。</Text>
          <AtButton type='primary' onClick={() => Taro.redirectTo({ url: '/packages/applicant/pages/declarations/index' })}>
            查看我的申报
          </AtButton>
          <AtButton onClick={() => setSubmitted(false)}>查看已提交的内容</AtButton>
        </View>
      </View>
    );

  return (
    <View className={`decl ${large ? 'lf' : ''}`}>
      <View className='decl__head'>
        <Text className='decl__name'>{draft.spec.name || '未命名的产品'}</Text>
        <Text className={`decl__status decl__status--${view?.status ?? 'draft'}`}>{DECLARATION_STATUS_LABELS[view?.status ?? 'draft']}</Text>
        {!locked && (
          <Text className={`decl__save decl__save--${save.kind}`} onClick={() => save.kind === 'stale' && form.reload()}>
            {save.kind === 'saving' && '正在保存…'}
            {save.kind === 'saved' && (save.problems ? `已自动保存 ${save.at}（有 ${save.problems} 处待修改）` : `已自动保存 ${save.at}`)}
            {save.kind === 'error' && save.message}
            {save.kind === 'stale' && '这份申报已在其他设备上修改，点此载入最新内容'}
            {save.kind === 'idle' && '填写内容会自动保存'}
          </Text>
        )}
        {canPrint && form.id && (
          <Text
            className='decl__print'
            onClick={async () => {
              try {
                const { html } = await api('declarations', 'printable', { declarationId: form.id! });
                if (!openPrintable(html)) Taro.showToast({ title: '请允许弹出窗口后重试', icon: 'none' });
              } catch (e) {
                Taro.showToast({ title: errorMessage(e), icon: 'none' });
              }
            }}
          >
            打印说明书（盖章报送）
          </Text>
        )}
      </View>

      {view && view.status !== 'draft' && <Materials view={view} show='open' onChanged={form.reload} />}

      {!locked && <Problems errors={errors} onGo={goTo} saved={save.kind !== 'error' && save.kind !== 'stale'} />}

      <View className='steps'>
        {SPEC_SECTIONS.map((s, i) => {
          const keys = requiredOf(s);
          const n = filledIn(draft.spec, keys);
          return (
            <View key={s.key} className={`steps__item ${i === step ? 'steps__item--on' : ''} ${sectionErrors(i) ? 'steps__item--error' : ''}`} onClick={() => setStep(i)}>
              <Text className='steps__title'>{s.title}</Text>
              <Text className='steps__count'>
                {n}/{keys.length}
              </Text>
            </View>
          );
        })}
      </View>

      <View className='section'>
        <Text className='section__title'>{section.title}</Text>
        <Text className='section__source'>{section.source}</Text>
        {section.key === 'basic' && (
          <View className='field' id={anchorOf('recommenderOrgId')}>
            <Text className='field__label'>申报方式</Text>
            <View className='modes'>
              {(['self', 'recommended'] as const).map((m) => (
                <Text key={m} className={`modes__item ${draft.declarationMode === m ? 'modes__item--on' : ''}`} onClick={() => !locked && form.change({ declarationMode: m })}>
                  {DECLARATION_MODE_LABELS[m]}
                </Text>
              ))}
            </View>
            {draft.declarationMode === 'recommended' && (
              <View className='modes'>
                {associations.length === 0 && <Text className='field__hint'>暂无已核验的行业协会可选。协会须先在本小程序登记并通过市司法局核验。</Text>}
                {associations.map((a) => (
                  <Text key={a.orgId} className={`modes__item ${draft.recommenderOrgId === a.orgId ? 'modes__item--on' : ''}`} onClick={() => !locked && form.change({ recommenderOrgId: a.orgId, recommender: a.name })}>
                    {a.name}
                  </Text>
                ))}
              </View>
            )}
            {draft.declarationMode === 'recommended' && view?.recommenderOrgId && (
              <Text className='field__hint'>{view.endorsement ? `${view.recommender}已确认推荐` : `提交前需由${view.recommender}确认推荐（内容修改后需重新确认）`}</Text>
            )}
            {errors.recommenderOrgId && <Text className='field__error'>{errors.recommenderOrgId}</Text>}
          </View>
        )}
        {section.fields.map((f) => (
          <View key={f.key}>
            {f.key === 'publicInfo.latitude' && <PlacePicker spec={draft.spec} disabled={locked} onPick={(p) => form.change({ spec: { ...draft.spec, publicInfo: { ...(draft.spec.publicInfo ?? {}), latitude: p.latitude, longitude: p.longitude } } as typeof draft.spec })} />}
            <Field field={f} value={String(readField(draft.spec, f.key) ?? '')} error={errors[f.key]} disabled={locked} onChange={(v) => form.change({ key: f.key, value: v })} />
          </View>
        ))}
      </View>

      {last && (
        <Attachments
          value={draft.spec.attachments ?? []}
          disabled={locked}
          error={Object.entries(errors).find(([k]) => k.startsWith('attachments'))?.[1]}
          onChange={(attachments) => form.change({ spec: { ...draft.spec, attachments } })}
        />
      )}

      <View className='nav'>
        <AtButton className='nav__button' disabled={step === 0} onClick={() => setStep(step - 1)}>
          上一节
        </AtButton>
        {!last ? (
          <AtButton className='nav__button' type='primary' onClick={() => setStep(step + 1)}>
            下一节
          </AtButton>
        ) : (
          !locked && (
            <AtButton className='nav__button' type='primary' onClick={openCheck}>
              提交前检查
            </AtButton>
          )
        )}
      </View>

      {checking && !locked && (
        <View className='check' id='precheck'>
          <Text className='check__title'>提交前检查</Text>
          {SPEC_SECTIONS.map((s, i) => {
            const total = requiredOf(s).length;
            const n = filledIn(draft.spec, requiredOf(s));
            return (
              <View key={s.key} className='check__row' onClick={() => { setStep(i); setChecking(false); }}>
                <Text>{s.title}</Text>
                <Text className={n === total ? 'check__ok' : 'check__missing'}>{n === total ? '已填完' : `还差 ${total - n} 项`}</Text>
              </View>
            );
          })}
          {problemCount > 0 && (
            <View className='check__row check__row--warn' onClick={() => goTo(Object.keys(errors).sort((a, b) => sectionOf(a) - sectionOf(b))[0])}>
              <Text>填写有误</Text>
              <Text className='check__missing'>{problemCount} 处需要修改</Text>
            </View>
          )}
          {attachmentCount === 0 && (
            // Attachment 1, note 3: documents "may" be attached — a warning to read, not a block.
            <View className='check__warn'>
              <Text className='check__warn-title'>还没有添加附件</Text>
              <Text className='check__hint'>说明书中提到的依据、制度等文件和盖章的说明书扫描件，可以作为附件一并提供，便于评审。没有附件也可以提交。</Text>
              <View className='check__actions'>
                <AtButton className='check__ack' onClick={() => goTo('attachments')}>
                  去添加附件
                </AtButton>
                <AtButton className={`check__ack ${noAttachmentsOk ? 'check__ack--on' : ''}`} onClick={() => setNoAttachmentsOk(true)}>
                  {noAttachmentsOk ? '✓ 已确认不添加附件' : '不添加附件，继续'}
                </AtButton>
              </View>
            </View>
          )}
          <Text className='check__hint'>提交后不能再修改。请确认内容真实、完整，并打印说明书盖章后报送。</Text>
          <AtButton type='primary' disabled={attachmentCount === 0 && !noAttachmentsOk} onClick={submit}>
            确认提交
          </AtButton>
          <AtButton onClick={() => setChecking(false)}>再检查一下</AtButton>
        </View>
      )}

      {view && view.status !== 'draft' && <Materials view={view} show='answered' onChanged={form.reload} />}
      {view && view.status !== 'draft' && <ReviewInfo view={view} />}
    </View>
  );
}

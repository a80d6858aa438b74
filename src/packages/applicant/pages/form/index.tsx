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
import { ReviewInfo } from './ReviewInfo';
import { Materials } from './Materials';
import { useDeclarationForm } from './useDeclarationForm';
import './index.scss';

const filledIn = (spec: unknown, keys: string[]) => keys.filter((k) => String(readField(spec, k) ?? '').trim() !== '').length;

export default function DeclarationFormPage() {
  const initialId = useRouter().params.id || null;
  const form = useDeclarationForm(initialId);
  const [step, setStep] = useState(0);
  const [checking, setChecking] = useState(false);
  const [associations, setAssociations] = useState<{ orgId: string; name: string }[]>([]);
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
    SPEC_SECTIONS[i].fields.filter((f) => errs[f.key]).length + (SPEC_SECTIONS[i].key === 'basic' && errs.recommenderOrgId ? 1 : 0);
  const last = step === SPEC_SECTIONS.length - 1;

  const submit = async () => {
    const problems = await form.submit();
    setChecking(false);
    if (!problems) Taro.showToast({ title: '已提交', icon: 'success' });
    else {
      const first = SPEC_SECTIONS.findIndex((_, i) => sectionErrors(i, problems) > 0);
      if (first >= 0) setStep(first);
    }
  };

  return (
    <View className='decl'>
      <View className='decl__head'>
        <Text className='decl__name'>{draft.spec.name || '未命名的产品'}</Text>
        <Text className={`decl__status decl__status--${view?.status ?? 'draft'}`}>{DECLARATION_STATUS_LABELS[view?.status ?? 'draft']}</Text>
        {!locked && (
          <Text className={`decl__save decl__save--${save.kind}`} onClick={() => save.kind === 'stale' && form.reload()}>
            {save.kind === 'saving' && '正在保存…'}
            {save.kind === 'saved' && `已自动保存 ${save.at}`}
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

      <View className='steps'>
        {SPEC_SECTIONS.map((s, i) => {
          const keys = s.fields.map((f) => f.key);
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
          <View className='field'>
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
          <Field key={f.key} field={f} value={String(readField(draft.spec, f.key) ?? '')} error={errors[f.key]} disabled={locked} onChange={(v) => form.change({ key: f.key, value: v })} />
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
            <AtButton className='nav__button' type='primary' onClick={() => setChecking(true)}>
              提交前检查
            </AtButton>
          )
        )}
      </View>

      {checking && !locked && (
        <View className='check'>
          <Text className='check__title'>提交前检查</Text>
          {SPEC_SECTIONS.map((s, i) => {
            const total = s.fields.length;
            const n = filledIn(draft.spec, s.fields.map((f) => f.key));
            return (
              <View key={s.key} className='check__row' onClick={() => setStep(i)}>
                <Text>{s.title}</Text>
                <Text className={n === total ? 'check__ok' : 'check__missing'}>{n === total ? '已填完' : `还差 ${total - n} 项`}</Text>
              </View>
            );
          })}
          <Text className='check__hint'>提交后不能再修改。请确认内容真实、完整，并打印说明书盖章后报送。</Text>
          <AtButton type='primary' onClick={submit}>
            确认提交
          </AtButton>
          <AtButton onClick={() => setChecking(false)}>再检查一下</AtButton>
        </View>
      )}

      {view && view.status !== 'draft' && <Materials view={view} onChanged={form.reload} />}
      {view && view.status !== 'draft' && <ReviewInfo view={view} />}
    </View>
  );
}

/**
 * A bulk action, from the selection to what happened: it says what it will do ("将为 12 份申报抽取评审组") and which
 * selected records it leaves out and why, takes its inputs (a reason when the action is official), asks once, runs,
 * then reports per record: done, or refused and why. Closing hands the refused ones back to the table, which keeps
 * them listed and selected. The same dialog at the desk (centred) and on the phone (a sheet).
 */
import { useMemo, useRef, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { ApiError, errorMessage } from '../../api/client';
import { useDialogKeys } from '../../utils/dialogKeys';
import { outcomesFor, splitApplicable, type BulkAction, type BulkField, type BulkOutcome } from './table';
import { SearchSelect, type PickOption } from './SearchSelect';
import './BulkDialog.scss';

interface Props<R> {
  action: BulkAction<R>;
  selected: R[];
  rowKey: (r: R) => string;
  /** How a record is named in the report (its name). */
  rowLabel: (r: R) => string;
  /** Closed: the outcomes (null when nothing ran). */
  onClose: (outcomes: BulkOutcome[] | null) => void;
}

let seq = 0;

function FieldInput({ field, value, picked, onValue, onPick, error }: { field: BulkField; value: string; picked: PickOption | null; onValue: (v: string) => void; onPick: (o: PickOption | null) => void; error?: string }) {
  if (field.kind === 'pick') return <SearchSelect label={field.label} placeholder={field.placeholder} search={field.search!} value={picked} onChange={(o) => (onPick(o), onValue(o?.value ?? ''))} error={error} />;
  if (field.kind === 'choice')
    return (
      <View className='bulk__choices' role='radiogroup' aria-label={field.label}>
        {field.options!.map((o) => (
          <View key={o.value} className={`bulk__choice ${value === o.value ? 'bulk__choice--on' : ''}`} role='radio' aria-checked={value === o.value ? 'true' : 'false'} onClick={() => onValue(o.value)}>
            {o.label}
          </View>
        ))}
      </View>
    );
  if (field.kind === 'textarea') return <Textarea className='bulk__reason' value={value} maxlength={1000} placeholder={field.placeholder} onInput={(e) => onValue(e.detail.value)} />;
  return (
    <Input
      className='bulk__input'
      type={field.kind === 'number' ? 'number' : 'text'}
      value={value}
      placeholder={field.placeholder ?? (field.kind === 'date' ? '如 2026-10-08' : '')}
      nativeProps={{ 'aria-label': field.label }}
      onInput={(e) => onValue(e.detail.value)}
    />
  );
}

export function BulkDialog<R>({ action, selected, rowKey, rowLabel, onClose }: Props<R>) {
  const id = useRef(`bulk-${++seq}`).current;
  const { take, skip } = useMemo(() => splitApplicable(selected, action), [selected, action]);
  const [input, setInput] = useState<Record<string, string>>(() => Object.fromEntries((action.fields ?? []).map((f) => [f.key, f.initial ?? ''])));
  const [picked, setPicked] = useState<Record<string, PickOption | null>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [outcomes, setOutcomes] = useState<BulkOutcome[] | null>(null);
  const close = () => !busy && onClose(outcomes);
  useDialogKeys(id, close);

  const missing = (action.fields ?? []).filter((f) => !f.optional && !(input[f.key] ?? '').trim());
  const ready = take.length > 0 && missing.length === 0 && (!action.reason || reason.trim().length >= 2);
  const values = { ...input, ...(action.reason ? { reason: reason.trim() } : {}) };

  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const got = await action.run(take, values);
      setOutcomes(outcomesFor(take.map(rowKey), got));
    } catch (e) {
      // The whole request was refused (bad input): nothing was done; show why and keep the dialog open.
      const fields = e instanceof ApiError ? Object.fromEntries(e.issues.map((i) => [i.path.split('.').pop() ?? i.path, i.message])) : {};
      setProblem({ message: e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e), fields });
    } finally {
      setBusy(false);
    }
  };

  const byId = new Map(take.map((r) => [rowKey(r), r]));
  const done = outcomes?.filter((o) => o.ok) ?? [];
  const refused = outcomes?.filter((o) => !o.ok) ?? [];

  return (
    <View className='bulk' role='dialog' aria-modal='true' aria-labelledby={`${id}-title`} id={id}>
      <View className='bulk__panel'>
        <Text className='bulk__title' id={`${id}-title`}>
          {action.label}
        </Text>
        {outcomes ? (
          <View>
            <View className='bulk__summary' role='status'>
              完成 {done.length} 项{refused.length ? `，未能办理 ${refused.length} 项（仍保持选中）` : ''}
            </View>
            <View className='bulk__outcomes' role='list'>
              {outcomes.map((o) => (
                <View key={o.id} className={`bulk__outcome bulk__outcome--${o.ok ? 'done' : 'refused'}`} role='listitem'>
                  <Text className='bulk__name'>{byId.get(o.id) ? rowLabel(byId.get(o.id)!) : o.id}</Text>
                  <Text className='bulk__what'>{o.ok ? `已完成${o.message ? `：${o.message}` : ''}` : `未办理：${o.message || '原因不明，请打开记录查看'}`}</Text>
                </View>
              ))}
            </View>
            <View className='bulk__buttons'>
              <AtButton type='primary' onClick={() => onClose(outcomes)}>
                关闭
              </AtButton>
            </View>
          </View>
        ) : (
          <View>
            <Text className='bulk__summary'>{take.length ? action.describe(take, values) : '所选记录都不适用这项操作'}</Text>
            {skip.length > 0 && (
              <View className='bulk__skip'>
                <Text className='bulk__label'>以下 {skip.length} 项不适用，不会办理：</Text>
                {skip.slice(0, 20).map(({ row, why }) => (
                  <Text key={rowKey(row)} className='bulk__what'>
                    {rowLabel(row)}：{why}
                  </Text>
                ))}
                {skip.length > 20 && <Text className='bulk__what'>……另有 {skip.length - 20} 项</Text>}
              </View>
            )}
            {take.length > 0 &&
              (action.fields ?? []).map((f) => (
                <View key={f.key} className='bulk__field'>
                  <Text className='bulk__label'>
                    {f.label}
                    {f.optional ? '（选填）' : ''}
                  </Text>
                  <FieldInput field={f} value={input[f.key] ?? ''} picked={picked[f.key] ?? null} onValue={(v) => setInput((x) => ({ ...x, [f.key]: v }))} onPick={(o) => setPicked((x) => ({ ...x, [f.key]: o }))} error={problem?.fields[f.key]} />
                  {f.kind !== 'pick' && problem?.fields[f.key] && <Text className='bulk__error'>{problem.fields[f.key]}</Text>}
                </View>
              ))}
            {take.length > 0 && action.reason && (
              <View className='bulk__field'>
                <Text className='bulk__label'>{action.reason.label}</Text>
                <Textarea className='bulk__reason' value={reason} maxlength={200} placeholder={action.reason.placeholder} onInput={(e) => setReason(e.detail.value)} />
              </View>
            )}
            {problem && <Text className='bulk__error'>{problem.message}</Text>}
            <View className='bulk__buttons'>
              <AtButton type='primary' disabled={!ready || busy} loading={busy} onClick={run}>
                {busy ? '正在办理…' : take.length ? `${action.confirmText}（${take.length} 项）` : action.confirmText}
              </AtButton>
              <AtButton disabled={busy} onClick={close}>
                取消
              </AtButton>
            </View>
          </View>
        )}
      </View>
    </View>
  );
}

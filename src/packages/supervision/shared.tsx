/** What the supervision pages share: field errors from an ApiError, a confirmation, a labelled field. */
import { useCallback, useEffect, useState, type DependencyList, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { askConfirm } from '../../components/Dialog';
import { ApiError, errorMessage } from '../../api/client';
import './supervision.scss';

export type Issues = Record<string, string>;

/** Field errors by path, and a message for the top of the form. */
export function issuesOf(e: unknown): { fields: Issues; message: string } {
  if (e instanceof ApiError && e.issues.length) return { fields: Object.fromEntries(e.issues.map((i) => [i.path, i.message])), message: e.message };
  return { fields: {}, message: errorMessage(e) };
}

/** An official or destructive step asks first. */
export async function confirmStep(title: string, content: string, confirmText = '确认'): Promise<boolean> {
  return askConfirm({ title, content, confirmText, cancelText: '再想想' });
}

export function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <View className='admin__field'>
      <Text className='admin__label'>{label}</Text>
      {children}
      {error && <Text className='admin__error'>{error}</Text>}
    </View>
  );
}

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Runs `fn` now and whenever `deps` change; `error` holds what went wrong, `load` runs it again. */
export function useLoader(fn: () => Promise<void>, deps: DependencyList): { error: string; load: () => Promise<void> } {
  const [error, setError] = useState('');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(async () => {
    setError('');
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    }
  }, deps);
  useEffect(() => {
    load();
  }, [load]);
  return { error, load };
}

/** A form's field errors and its message line; `fail` shows an ApiError's issues under their fields. */
export function useFormErrors() {
  const [issues, setIssues] = useState<Issues>({});
  const [notice, setNotice] = useState('');
  return {
    issues,
    notice,
    setNotice,
    setIssues,
    reset: () => {
      setIssues({});
      setNotice('');
    },
    fail: (e: unknown) => {
      const { fields, message } = issuesOf(e);
      setIssues(fields);
      setNotice(message);
    },
  };
}

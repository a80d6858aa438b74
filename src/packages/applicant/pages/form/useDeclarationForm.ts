/**
 * The declaration form's state: the draft, autosave to the server (debounced, versioned), a copy on the device
 * so a reload loses nothing, and field errors by specification key.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { DeclarationMode, DeclarationView, SpecDraft } from '@shared/declaration';
import type { FieldIssue } from '@shared/envelope';
import { readField } from '@shared/specFields';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { rememberParam } from '../../../../utils/address';

/** `saved` carries how many values still need fixing: the draft is on the server either way. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string; problems: number } | { kind: 'error'; message: string } | { kind: 'stale' };

interface Draft {
  spec: SpecDraft;
  declarationMode: DeclarationMode;
  recommender: string;
  /** The recommending association (a verified organisation), picked from orgs.associations. */
  recommenderOrgId?: string;
}

const AUTOSAVE_MS = 1200;
const localKey = (id: string | null) => `hzlp.draft.${id ?? 'new'}`;

function setPath(spec: SpecDraft, key: string, value: string | number): SpecDraft {
  const parts = key.split('.');
  const next = JSON.parse(JSON.stringify(spec)) as Record<string, any>;
  let node = next;
  for (const p of parts.slice(0, -1)) node = node[p] ??= {};
  if (value === '') delete node[parts[parts.length - 1]];
  else node[parts[parts.length - 1]] = value;
  return next as SpecDraft;
}

/** Field errors keyed by specification key (`content.audience`), from either saveDraft (`spec.…`) or submit. */
export function errorsByField(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  return byField(e.issues);
}
/** The field an issue belongs to: `attachments.3.name` is the attachment list's. */
const fieldOf = (path: string) => (path.startsWith('attachments') ? 'attachments' : path);
const byField = (issues: FieldIssue[]): Record<string, string> => Object.fromEntries(issues.map((i) => [fieldOf(i.path.replace(/^spec\./, '')), i.message]));

export function useDeclarationForm(initialId: string | null) {
  const [id, setId] = useState<string | null>(initialId);
  const [loaded, setLoaded] = useState<{ status: 'loading' } | { status: 'ready' } | { status: 'error'; message: string }>({ status: initialId ? 'loading' : 'ready' });
  const [view, setView] = useState<DeclarationView | null>(null);
  const [draft, setDraft] = useState<Draft>({ spec: {}, declarationMode: 'self', recommender: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const version = useRef<number | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  const latest = useRef(draft);
  latest.current = draft;

  const load = useCallback(async () => {
    if (!initialId) {
      const local = Taro.getStorageSync(localKey(null));
      if (local) return setDraft(local as Draft);
      // A new draft's cover starts from the organisation's registration (issue 22); every field stays editable, and
      // nothing is saved until the applicant changes something.
      try {
        const { cover } = await api('declarations', 'draftDefaults', {});
        setDraft((d) => (!d.spec.cover ? { ...d, spec: { ...d.spec, cover } } : d));
      } catch {
        // Without the defaults the form simply starts empty.
      }
      return;
    }
    setLoaded({ status: 'loading' });
    try {
      const d = await api('declarations', 'get', { declarationId: initialId });
      setView(d);
      version.current = d.version;
      const local = Taro.getStorageSync(localKey(initialId)) as (Draft & { baseVersion: number }) | '';
      // Unsaved edits from this device on top of the same version: keep them.
      if (local && local.baseVersion === d.version && d.status === 'draft') {
        setDraft({ spec: local.spec, declarationMode: local.declarationMode, recommender: local.recommender, recommenderOrgId: local.recommenderOrgId });
        dirty.current = true;
      } else {
        setDraft({ spec: d.spec, declarationMode: d.declarationMode, recommender: d.recommender ?? '', recommenderOrgId: d.recommenderOrgId ?? undefined });
        // What another device left half-typed is shown at its field at once.
        setErrors(byField(d.problems ?? []));
      }
      setLoaded({ status: 'ready' });
    } catch (e) {
      setLoaded({ status: 'error', message: errorMessage(e) });
    }
  }, [initialId]);
  useEffect(() => {
    load();
  }, [load]);

  const saveNow = useCallback(async (): Promise<string | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const d = latest.current;
    setSave({ kind: 'saving' });
    try {
      const res = await api('declarations', 'saveDraft', {
        ...(id ? { declarationId: id, baseVersion: version.current } : {}),
        spec: d.spec,
        declarationMode: d.declarationMode,
        ...(d.declarationMode === 'recommended' && d.recommenderOrgId ? { recommenderOrgId: d.recommenderOrgId } : {}),
      });
      version.current = res.version;
      if (!id) {
        Taro.removeStorageSync(localKey(null));
        setId(res.declarationId);
        rememberParam('id', res.declarationId); // a reload or the copied address opens this draft, not an empty form
      }
      Taro.removeStorageSync(localKey(res.declarationId));
      dirty.current = latest.current !== d;
      // The server saved it whatever its state and says what still needs fixing; a field changed since keeps quiet
      // until the next save reports on it.
      const unchanged = res.problems.filter((i) => fieldOf(i.path) === 'attachments' || readField(latest.current.spec, i.path) === readField(d.spec, i.path));
      setErrors((prev) => ({
        ...Object.fromEntries(Object.entries(prev).filter(([k]) => k === 'recommenderOrgId')),
        ...byField(unchanged),
      }));
      const now = new Date();
      setSave({ kind: 'saved', at: `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`, problems: res.problems.length });
      return res.declarationId;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT' && /其他设备/.test(e.message)) setSave({ kind: 'stale' });
      else {
        setErrors((prev) => ({ ...prev, ...errorsByField(e) }));
        setSave({ kind: 'error', message: errorMessage(e) });
      }
      return null;
    }
  }, [id]);

  const change = useCallback(
    (patch: Partial<Draft> | { key: string; value: string | number }) => {
      setDraft((prev) => {
        const next = 'key' in patch ? { ...prev, spec: setPath(prev.spec, patch.key, patch.value) } : { ...prev, ...patch };
        Taro.setStorageSync(localKey(id), { ...next, baseVersion: version.current ?? 0 });
        return next;
      });
      if ('key' in patch) setErrors(({ [patch.key]: _gone, ...rest }) => rest);
      dirty.current = true;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    },
    [id, saveNow],
  );

  /** Returns null on success, else the field errors (also kept in state). */
  const submit = useCallback(async (): Promise<Record<string, string> | null> => {
    const savedId = dirty.current || !id ? await saveNow() : id;
    if (!savedId) return {};
    try {
      const d = await api('declarations', 'submit', { declarationId: savedId });
      setView(d);
      setErrors({});
      return null;
    } catch (e) {
      const found = errorsByField(e);
      setErrors(found);
      setSave({ kind: 'error', message: errorMessage(e) });
      return found;
    }
  }, [id, saveNow]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return { id, loaded, view, draft, errors, save, change, saveNow, submit, reload: load };
}

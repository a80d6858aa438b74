/**
 * A searchable select for long lists (products, organisations, assessors, experts): type a few characters of the
 * name, pick from what matches. Never a wheel: a wheel of 200 names is where the wrong product gets exited. Works on
 * the phone, in WeChat and at the desk (a combobox and a listbox for screen readers; a11y.h5.ts gives the options
 * keyboard reach). The chosen item stays shown with its details and a way to change it.
 */
import { useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { errorMessage } from '../../api/client';
import './SearchSelect.scss';

export interface PickOption {
  value: string;
  label: string;
  /** A second line: the provider, the status, the district … what tells two similar names apart. */
  detail?: string;
}

interface Props {
  /** What the field is, e.g. 产品 (also its accessible name). */
  label: string;
  placeholder?: string;
  /** Finds options for the words typed (the server's own search, or a filter over a loaded list). */
  search: (q: string) => Promise<PickOption[]>;
  value: PickOption | null;
  onChange: (value: PickOption | null) => void;
  /** Search from the first character (default 1). */
  minChars?: number;
  error?: string;
  id?: string;
}

let seq = 0;

export function SearchSelect({ label, placeholder, search, value, onChange, minChars = 1, error, id }: Props) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PickOption[] | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const listId = useRef(id ?? `pick-${++seq}`).current;
  const asked = useRef(0);

  useEffect(() => {
    const words = q.trim();
    if (words.length < minChars) {
      setFound(null);
      setProblem('');
      return;
    }
    const n = ++asked.current;
    setBusy(true);
    // Search as you type, once the typing pauses.
    const timer = setTimeout(() => {
      search(words)
        .then((options) => n === asked.current && (setFound(options), setProblem('')))
        .catch((e) => n === asked.current && setProblem(errorMessage(e)))
        .finally(() => n === asked.current && setBusy(false));
    }, 250);
    return () => clearTimeout(timer);
    // `search` is the page's function; a new one each render must not search again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, minChars]);

  if (value)
    return (
      <View className='pick pick--chosen'>
        <View className='pick__chosen' aria-live='polite'>
          <Text className='pick__label'>{value.label}</Text>
          {value.detail && <Text className='pick__detail'>{value.detail}</Text>}
        </View>
        <View className='pick__change' role='button' aria-label={`更换${label}`} onClick={() => onChange(null)}>
          更换
        </View>
        {error && <Text className='pick__error'>{error}</Text>}
      </View>
    );

  return (
    <View className='pick'>
      <Input
        className='pick__input'
        value={q}
        maxlength={40}
        placeholder={placeholder ?? `输入${label}名称中的几个字查找`}
        nativeProps={{ 'aria-label': label, role: 'combobox', 'aria-expanded': String(!!found?.length), 'aria-controls': listId, 'aria-autocomplete': 'list' }}
        onInput={(e) => setQ(e.detail.value)}
      />
      {busy && <Text className='pick__hint'>正在查找…</Text>}
      {problem && <Text className='pick__error'>{problem}</Text>}
      {!busy && found && found.length === 0 && <Text className='pick__hint'>没有找到名称含“{q.trim()}”的{label}，换几个字试试</Text>}
      {found && found.length > 0 && (
        <View className='pick__list' id={listId} role='listbox' aria-label={`${label}：找到 ${found.length} 个`}>
          {found.map((o) => (
            <View
              key={o.value}
              className='pick__option'
              role='option'
              aria-selected='false'
              onClick={() => {
                onChange(o);
                setQ('');
                setFound(null);
              }}
            >
              <Text className='pick__label'>{o.label}</Text>
              {o.detail && <Text className='pick__detail'>{o.detail}</Text>}
            </View>
          ))}
        </View>
      )}
      {error && <Text className='pick__error'>{error}</Text>}
    </View>
  );
}

/** Filters an already loaded list by the words typed (each word must appear in the label or detail). */
export function localSearch(options: PickOption[], limit = 20): (q: string) => Promise<PickOption[]> {
  return async (q) => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    return options.filter((o) => words.every((w) => `${o.label} ${o.detail ?? ''}`.toLowerCase().includes(w))).slice(0, limit);
  };
}

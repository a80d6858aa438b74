/**
 * A declaration's specification, read-only, section by section as in attachment 1. `collapsible` (the bureau's desk)
 * lets each section fold to its title, the first two open, so the page is short and 全部展开 shows it whole.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { SPEC_SECTIONS, readField } from '@shared/specFields';
import './SpecView.scss';

const OPEN_FIRST = 2;

export function SpecView({ spec, collapsible = false }: { spec: unknown; collapsible?: boolean }) {
  const [open, setOpen] = useState<Set<string>>(() => new Set(SPEC_SECTIONS.slice(0, OPEN_FIRST).map((s) => s.key)));
  const allOpen = open.size === SPEC_SECTIONS.length;
  const toggle = (key: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <View className={`specview ${collapsible ? 'specview--collapsible' : ''}`}>
      {collapsible && (
        <View className='specview__all' role='button' onClick={() => setOpen(allOpen ? new Set() : new Set(SPEC_SECTIONS.map((s) => s.key)))}>
          {allOpen ? '全部收起' : '全部展开'}
        </View>
      )}
      {SPEC_SECTIONS.map((s) => {
        const shown = !collapsible || open.has(s.key);
        const empty = s.fields.filter((f) => !f.optional && !readField(spec, f.key)).length;
        return (
          <View key={s.key} className='specview__section'>
            {collapsible ? (
              <View className='specview__title specview__toggle' role='button' aria-expanded={shown ? 'true' : 'false'} onClick={() => toggle(s.key)}>
                <Text aria-hidden='true'>{shown ? '▾ ' : '▸ '}</Text>
                {s.title}
                {empty > 0 && <Text className='specview__missing'>（{empty} 项未填写）</Text>}
              </View>
            ) : (
              <Text className='specview__title'>{s.title}</Text>
            )}
            {shown &&
              s.fields.map((f) => {
                const raw = readField(spec, f.key);
                const value = f.choices?.find((c) => c.value === raw)?.label ?? (typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '');
                return (
                  <View key={f.key} className='specview__field'>
                    <Text className='specview__label'>{f.label}</Text>
                    <Text className={`specview__value ${value ? '' : 'specview__value--empty'}`}>{value || (f.optional ? '未填写（选填）' : '未填写')}</Text>
                  </View>
                );
              })}
          </View>
        );
      })}
    </View>
  );
}

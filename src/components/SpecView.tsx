/** A declaration's specification, read-only, section by section as in attachment 1. */
import { Text, View } from '@tarojs/components';
import { SPEC_SECTIONS, readField } from '@shared/specFields';
import './SpecView.scss';

export function SpecView({ spec }: { spec: unknown }) {
  return (
    <View className='specview'>
      {SPEC_SECTIONS.map((s) => (
        <View key={s.key} className='specview__section'>
          <Text className='specview__title'>{s.title}</Text>
          {s.fields.map((f) => {
            const raw = readField(spec, f.key);
            const shown = f.choices?.find((c) => c.value === raw)?.label ?? (typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '');
            return (
              <View key={f.key} className='specview__field'>
                <Text className='specview__label'>{f.label}</Text>
                <Text className={`specview__value ${shown ? '' : 'specview__value--empty'}`}>{shown || (f.optional ? '未填写（选填）' : '未填写')}</Text>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

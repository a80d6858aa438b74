/** One field of the specification, drawn from its definition: label, the seed's hint, the input, the error. */
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { SpecField } from '@shared/specFields';

/** What a coordinate field keeps: a number once the text is one, else the text typed so far (a draft keeps it). */
export const coordinateValue = (v: string): string | number => (/^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v);

export function Field({ field, value, error, onChange, disabled }: { field: SpecField; value: string; error?: string; onChange: (v: string | number) => void; disabled?: boolean }) {
  const id = `f-${field.key.replace(/\./g, '-')}`;
  let input;
  if (field.kind === 'choice') {
    const labels = (field.choices ?? []).map((c) => c.label);
    const index = (field.choices ?? []).findIndex((c) => c.value === value);
    input = (
      <Picker mode='selector' range={labels} value={Math.max(index, 0)} disabled={disabled} onChange={(e) => onChange(field.choices![Number(e.detail.value)].value)}>
        <View className={`field__picker ${index < 0 ? 'field__picker--empty' : ''}`}>{index >= 0 ? labels[index] : '请选择'} ▾</View>
      </Picker>
    );
  } else if (field.kind === 'date') {
    input = (
      <Picker mode='date' value={value || ''} disabled={disabled} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={`field__picker ${value ? '' : 'field__picker--empty'}`}>{value || '请选择日期'} ▾</View>
      </Picker>
    );
  } else if (field.kind === 'textarea') {
    input = (
      <View>
        <Textarea className='field__textarea' value={value} maxlength={field.maxLength ?? 2000} autoHeight disabled={disabled} placeholder='请填写' onInput={(e) => onChange(e.detail.value)} />
        <Text className={`field__count ${value.length > (field.maxLength ?? 2000) ? 'field__count--over' : ''}`}>
          {value.length}/{field.maxLength ?? 2000}
        </Text>
      </View>
    );
  } else if (field.kind === 'coordinate') {
    input = <Input className='field__input' type='digit' value={value} maxlength={12} disabled={disabled} placeholder={field.optional ? '选填' : '请填写'} onInput={(e) => onChange(coordinateValue(e.detail.value))} />;
  } else {
    input = <Input className='field__input' value={value} maxlength={field.maxLength ?? 200} disabled={disabled} placeholder='请填写' onInput={(e) => onChange(e.detail.value)} />;
  }
  return (
    <View className={`field ${error ? 'field--error' : ''}`} id={id}>
      <Text className='field__label'>
        {field.label}
        {field.optional ? '（选填）' : ''}
      </Text>
      {field.hint && <Text className='field__hint'>提示：{field.hint}</Text>}
      {input}
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}

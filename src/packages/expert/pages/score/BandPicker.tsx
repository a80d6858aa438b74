/**
 * Fair scoring: the expert first chooses the rubric band whose words fit (nothing is chosen for them), then a value
 * inside that band. No tap jumps to the maximum; a band with one value is that value, chosen by its words.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RubricItem } from '@shared/rubric';

/**
 * `values` are the item's allowed values (rubric.ts allowedValues, what validation accepts): each band offers those
 * inside it, so nothing between bands can be chosen.
 */
export function BandPicker({ item, range, values, value, locked, onChange }: { item: RubricItem; range: { min: number; max: number }; values: number[]; value: number | undefined; locked: boolean; onChange: (v: number) => void }) {
  // The bands the allowed range leaves open (purchase method allows one), each clipped to it.
  const bands = item.bands
    .map((b) => ({ ...b, min: Math.max(b.min, range.min), max: Math.min(b.max, range.max) }))
    .filter((b) => b.min <= b.max);
  const [open, setOpen] = useState<number | null>(() => {
    const i = value === undefined ? -1 : bands.findIndex((b) => value >= b.min && value <= b.max);
    return i >= 0 ? i : null;
  });
  const choose = (i: number) => {
    if (locked) return;
    setOpen(i);
    const b = bands[i];
    if (b.min === b.max) onChange(b.min);
  };
  const band = open === null ? null : bands[open];
  return (
    <View className='bands'>
      <Text className='bands__step'>{band ? '第二步：在这一档内选分' : '第一步：选择符合的一档'}</Text>
      {bands.map((b, i) => (
        <View key={b.text} className={`bands__band ${open === i ? 'bands__band--on' : ''}`} role='radio' aria-checked={open === i ? 'true' : 'false'} onClick={() => choose(i)}>
          <Text className='bands__text'>{b.text}</Text>
          <Text className='bands__range'>{b.min === b.max ? `${b.min} 分` : `${b.min}–${b.max} 分`}</Text>
        </View>
      ))}
      {band && band.min < band.max && (
        <View className='bands__values' role='radiogroup' aria-label='分值'>
          {values.filter((v) => v >= band.min && v <= band.max).map((v) => (
            <View key={v} className={`bands__value ${value === v ? 'bands__value--on' : ''}`} role='radio' aria-checked={value === v ? 'true' : 'false'} onClick={() => !locked && onChange(v)}>
              <Text>{v}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className='bands__chosen'>{value === undefined ? '尚未打分' : `本项得分：${value} 分`}</Text>
    </View>
  );
}

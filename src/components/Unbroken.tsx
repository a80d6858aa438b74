/**
 * Text whose numbers, dates, times and phone numbers never break across lines ("13:30-17:00", "2026-12-09",
 * "0571-87654321"): each such run is its own no-wrap span; the words around them wrap as usual.
 */
import { Text } from '@tarojs/components';
import { splitUnbroken } from '../utils/unbroken';
import './Unbroken.scss';

export function Unbroken({ text, className }: { text: string; className?: string }) {
  return (
    <Text className={className}>
      {splitUnbroken(text).map((p, i) =>
        p.keep ? (
          <Text key={i} className='nobreak'>
            {p.text}
          </Text>
        ) : (
          p.text
        ),
      )}
    </Text>
  );
}

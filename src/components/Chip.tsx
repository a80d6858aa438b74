/** A filter chip of the bureau's desk pages (styled by admin.scss): on or off, tapped to choose. */
import { Text } from '@tarojs/components';

export function Chip({ on, label, onClick }: { on: boolean; label: string; onClick: () => void }) {
  return (
    <Text className={`admin__chip ${on ? 'admin__chip--on' : ''}`} onClick={onClick}>
      {label}
    </Text>
  );
}

/** 长辈模式: one clear switch (big text, big buttons), remembered on the device; at the top of 首页 and in 我的. */
import { Text, View } from '@tarojs/components';
import './ElderSwitch.scss';

export function ElderSwitch({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  return (
    <View className={`elder-switch ${on ? 'elder-switch--on' : ''}`} role='switch' aria-checked={on ? 'true' : 'false'} onClick={onToggle}>
      <Text className='elder-switch__label'>长辈模式</Text>
      <Text className='elder-switch__hint'>{on ? '已开启：字大、按钮大' : '字更大，按钮更大'}</Text>
      <View className='elder-switch__knob'>
        <Text className='elder-switch__state'>{on ? '开' : '关'}</Text>
      </View>
    </View>
  );
}

/** With a bad rating only: the person may ask to be called back, leaving a number with explicit consent. */
import { Input, Text, View } from '@tarojs/components';
import { CALLBACK_CONSENT_TEXT } from '@shared/callback';

export interface CallbackChoice {
  wanted: boolean;
  phone: string;
  consent: boolean;
}

export function CallbackRequest({ value, onChange }: { value: CallbackChoice; onChange: (v: CallbackChoice) => void }) {
  return (
    <View className='callback'>
      <View className={`callback__toggle ${value.wanted ? 'callback__toggle--on' : ''}`} role='checkbox' aria-checked={value.wanted ? 'true' : 'false'} onClick={() => onChange({ ...value, wanted: !value.wanted })}>
        <Text className='callback__box'>{value.wanted ? '☑' : '☐'}</Text>
        <Text>希望服务单位打电话给我（选填）</Text>
      </View>
      {!value.wanted && <Text className='callback__note'>不留电话也没关系：您的意见同样会转给服务单位整改，处理结果可在“我的”里查看。</Text>}
      {value.wanted && (
        <View>
          <Input className='callback__phone' type='text' maxlength={13} value={value.phone} placeholder='手机号或带区号的固定电话' aria-label='回访电话' onInput={(e) => onChange({ ...value, phone: e.detail.value.trim() })} />
          <View className='callback__toggle' role='checkbox' aria-checked={value.consent ? 'true' : 'false'} onClick={() => onChange({ ...value, consent: !value.consent })}>
            <Text className='callback__box'>{value.consent ? '☑' : '☐'}</Text>
            <Text className='callback__consent'>{CALLBACK_CONSENT_TEXT}</Text>
          </View>
        </View>
      )}
    </View>
  );
}

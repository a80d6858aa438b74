/**
 * The catalogue's search box: a labelled field and an always-visible 搜索 button that both fit the phone's width,
 * in 长辈模式 too. (taro-ui's AtSearchBar leaves its field without a name for screen readers and slides an invisible
 * button past the right edge of the screen.) It keeps AtSearchBar's class names, so its theme applies.
 */
import { Input, Text, View } from '@tarojs/components';
import './SearchBox.scss';

interface Props {
  value: string;
  placeholder: string;
  /** What a screen reader calls the field. */
  label: string;
  onChange: (value: string) => void;
  onSearch: () => void;
  onClear: () => void;
}

export function SearchBox({ value, placeholder, label, onChange, onSearch, onClear }: Props) {
  return (
    <View className={`at-search-bar searchbox ${value.length > 0 ? 'searchbox--filled' : ''}`} role='search'>
      <View className='at-search-bar__input-cnt searchbox__field'>
        <Text className='at-icon at-icon-search searchbox__icon' aria-hidden='true' />
        <Input
          className='at-search-bar__input searchbox__input'
          type='text'
          confirmType='search'
          value={value}
          maxlength={60}
          placeholder={placeholder}
          placeholderClass='searchbox__placeholder'
          ariaLabel={label}
          nativeProps={{ 'aria-label': label }}
          onInput={(e) => onChange(e.detail.value)}
          onConfirm={onSearch}
        />
        {value.length > 0 && (
          <View className='searchbox__clear' role='button' aria-label='清空搜索词' onClick={onClear}>
            <Text className='at-icon at-icon-close-circle' aria-hidden='true' />
          </View>
        )}
      </View>
      <View className='at-search-bar__action searchbox__action' role='button' onClick={onSearch}>
        搜索
      </View>
    </View>
  );
}

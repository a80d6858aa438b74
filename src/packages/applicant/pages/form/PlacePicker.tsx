/**
 * Where the service point is (issue 24, nearest first): on WeChat the provider picks it on WeChat's map
 * (chooseLocation); this H5 build has no map service, so it says how to find the two numbers, and once they are in,
 * offers to check them on a map site. Either way the numbers land in 服务地点纬度 / 经度 below, WGS-84.
 */
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { SpecDraft } from '@shared/declaration';
import { DISTRICT_CENTRES, isDistrict, pointOf, type Point } from '@shared/geo';
import { canPickOnMap, openInMap, pickOnMap } from '../../../../utils/place';

export function PlacePicker({ spec, disabled, onPick }: { spec: SpecDraft; disabled?: boolean; onPick: (p: Point) => void }) {
  const info = (spec.publicInfo ?? {}) as { district?: string; address?: string; latitude?: unknown; longitude?: unknown };
  const place = pointOf(info);
  const near = place ?? (info.district && isDistrict(info.district) ? DISTRICT_CENTRES[info.district] : null);
  const pick = async () => {
    const p = await pickOnMap(near);
    if (p) onPick(p);
  };
  return (
    <View className='place'>
      <Text className='field__label'>服务地点在地图上的位置（选填）</Text>
      {canPickOnMap ? (
        <Text className='field__hint'>点下面的按钮，在地图上找到服务地点并确定，经纬度会自动填好。群众就能按距离找到最近的服务点，并一键导航。</Text>
      ) : (
        <Text className='field__hint'>
          网页版没有地图选点。可以在手机微信里打开本小程序的申报页，点“在地图上选点”；也可以在地图网站上找到服务地点，把它的纬度和经度（GPS 坐标）填在下面。填了经纬度，群众就能按距离找到最近的服务点，并一键导航；不填也能提交，按距离查找时会按所在区县估算。
        </Text>
      )}
      {canPickOnMap && !disabled && (
        <AtButton className='place__pick' onClick={pick}>
          {place ? '在地图上重新选点' : '在地图上选点'}
        </AtButton>
      )}
      {place && (
        <View className='place__check' role='link' onClick={() => openInMap(place, spec.name || '服务地点', info.address ?? '')}>
          <Text>在地图上查看填写的位置 ›</Text>
        </View>
      )}
    </View>
  );
}

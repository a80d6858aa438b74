/**
 * What ECharts' renderer (zrender) needs of a canvas, over a WeChat canvas of type 2d (its node and 2d context):
 * after the adapter of ecomfe/echarts-for-weixin. zrender draws onto it as one layer (it has no nodeName).
 */
export interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
}

export class WxCanvas {
  private readonly ctx: unknown;
  constructor(private readonly node: CanvasNode) {
    this.ctx = node.getContext('2d');
  }
  getContext(type: string) {
    return type === '2d' ? this.ctx : null;
  }
  get width() {
    return this.node.width;
  }
  set width(w: number) {
    this.node.width = w;
  }
  get height() {
    return this.node.height;
  }
  set height(h: number) {
    this.node.height = h;
  }
  // The charts are read, not touched: no events to wire.
  addEventListener() {}
  removeEventListener() {}
  attachEvent() {}
  detachEvent() {}
}

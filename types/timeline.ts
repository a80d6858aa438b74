/** One product's life from declaration to catalogue adjustments, as anyone may read it (catalogue.timeline). */

export const TIMELINE_KINDS = ['declared', 'reviewed', 'publicity', 'published', 'assessed', 'adjusted'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  declared: '申报',
  reviewed: '评审',
  publicity: '公示',
  published: '公布',
  assessed: '测评',
  adjusted: '调整',
};

export interface TimelineEvent {
  kind: TimelineKind;
  /** YYYY-MM-DD. */
  on: string;
  /** The last day, for a window (公示). */
  until: string | null;
  /** One plain sentence. */
  text: string;
  /** 文号, where an official document records the step. */
  documentNumber: string | null;
}

export interface ProductTimeline {
  productId: string;
  events: TimelineEvent[];
}

/** Issue 12's catalogue changes, as the timeline words them. */
export const CHANGE_LABELS: Record<string, string> = { added: '列入目录', left: '调整出目录', suspended: '暂停提供', reinstated: '恢复提供', changed: '信息变更' };

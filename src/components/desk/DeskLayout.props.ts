import type { ReactNode } from 'react';

export interface DeskLayoutProps {
  /** The page's heading at the desk, e.g. 申报管理. */
  title: string;
  /** The page (on a phone: the whole of it). */
  children: ReactNode;
  /**
   * Beside the page at the desk: the record opened from the list, or the page's actions (sticky). On a phone it is
   * not drawn: the page places the same content in its own flow.
   */
  aside?: ReactNode;
  /** What the column beside is, for screen readers (e.g. 所选申报, 办理). */
  asideLabel?: string;
  /** A wider column beside (a record's detail) rather than an action panel. */
  asideWide?: boolean;
}

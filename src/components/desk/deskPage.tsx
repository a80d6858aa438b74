/**
 * A back-office page inside the desk's frame (DeskLayout): at a desk it gets the side navigation and the identity
 * header around it; on a phone and in WeChat it is the page it always was.
 */
import type { ComponentType } from 'react';
import { DeskLayout } from './DeskLayout';

export function deskPage(title: string, Page: ComponentType): ComponentType {
  function DeskPage() {
    return (
      <DeskLayout title={title}>
        <Page />
      </DeskLayout>
    );
  }
  DeskPage.displayName = `DeskPage(${Page.displayName ?? Page.name})`;
  return DeskPage;
}

import { memo, type ReactNode } from 'react';

/**
 * Whether a Frozen may skip a render: only when it was not live and still is not. The render that turns it off
 * still happens (a view must get its `hidden`); after that, none until it is live again.
 */
export function staysFrozen(previous: { live: boolean }, next: { live: boolean }): boolean {
  return !previous.live && !next.live;
}

/**
 * Renders its children while `live`, and keeps their last rendering (state and DOM kept) while not: a hidden view
 * is not re-rendered by the app's 4 Hz snapshot. (Closed sections are not frozen: specs, and a person who opens one,
 * read them current.) Updates of the children's own state still
 * render. When it turns live again it renders with the newest props.
 */
export const Frozen = memo(function Frozen({ children }: { live: boolean; children: ReactNode }) {
  return <>{children}</>;
}, staysFrozen);

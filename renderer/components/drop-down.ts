/**
 * Whether a key was pressed in a drop-down, or in a box whose drop-down is open (a select, tags, a
 * company picker, a date's calendar): its Esc closes that drop-down, and the editor or popover
 * around the box stays open. A calendar's day buttons are inside the drop-down itself (React
 * bubbles their keys out of a portal, too).
 */
export function dropDownOpen(target: EventTarget): boolean {
  return (
    target instanceof Element &&
    (target.getAttribute('aria-expanded') === 'true' || target.closest('[data-dates-dropdown]') !== null)
  );
}

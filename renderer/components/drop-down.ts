/**
 * Whether the box a key was pressed in has its drop-down open (a select, tags, a company picker):
 * its Esc closes that drop-down, and the editor or popover around the box stays open.
 */
export function dropDownOpen(target: EventTarget): boolean {
  return target instanceof Element && target.getAttribute('aria-expanded') === 'true';
}

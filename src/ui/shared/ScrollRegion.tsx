import type { JSX } from "solid-js";

/**
 * A box that scrolls its content (a wide or long table). It is a named region that takes focus,
 * so a keyboard user can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion(props: {
  class: string;
  label: string;
  testId?: string;
  children: JSX.Element;
}) {
  return (
    <section class={props.class} aria-label={props.label} data-testid={props.testId} tabindex="0">
      {props.children}
    </section>
  );
}

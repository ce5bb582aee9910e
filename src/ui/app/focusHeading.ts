/**
 * After a navigation, moves focus to the new page's heading so that a screen reader announces the
 * page and the next Tab starts from there (the phase's h2, else the page's h1). The heading may
 * render a few frames later (a phase loads its data first), so it looks again for up to ~1 s.
 */
export function focusPageHeading(root: HTMLElement, framesLeft = 60): void {
  const heading = root.querySelector<HTMLElement>("h2") ?? root.querySelector<HTMLElement>("h1");
  if (!heading) {
    if (framesLeft > 0) requestAnimationFrame(() => focusPageHeading(root, framesLeft - 1));
    return;
  }
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: false });
}

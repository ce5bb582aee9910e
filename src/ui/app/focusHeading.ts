/**
 * After a navigation, moves focus to the new page's heading so that a screen reader announces the
 * page and the next Tab starts from there (the phase's h2, else the page's h1). The heading may
 * render a few frames later (a phase loads its data first), so it looks again for up to ~1 s after
 * the page's code is in: while a view's code is still loading (`lazyView`, on a slow or busy
 * device), it waits without counting those frames (up to ~10 s), and the page's h1 is not yet the
 * answer.
 */
export function focusPageHeading(root: HTMLElement, framesLeft = 60, loadingFramesLeft = 600): void {
  const loading = root.querySelector("[data-view-loading]") !== null && loadingFramesLeft > 0;
  const heading =
    root.querySelector<HTMLElement>("h2") ?? (loading ? null : root.querySelector<HTMLElement>("h1"));
  if (!heading) {
    if (loading) requestAnimationFrame(() => focusPageHeading(root, framesLeft, loadingFramesLeft - 1));
    else if (framesLeft > 0)
      requestAnimationFrame(() => focusPageHeading(root, framesLeft - 1, loadingFramesLeft));
    return;
  }
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: false });
}

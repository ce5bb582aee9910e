import { type Accessor, createSignal, onCleanup, onMount } from "solid-js";

/**
 * The content width of an element in whole pixels, following resizes through a ResizeObserver,
 * debounced so that dragging a window edge redraws a chart once, not on every frame. 0 until mounted
 * (and while the element is hidden).
 */
export function createElementWidth(
  el: Accessor<HTMLElement | undefined>,
  debounceMs = 150,
): Accessor<number> {
  const [width, setWidth] = createSignal(0);
  onMount(() => {
    const node = el();
    if (!node) return;
    setWidth(Math.floor(node.clientWidth));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[entries.length - 1].contentRect.width);
      clearTimeout(timer);
      // The first width is taken at once; later changes wait for the resize to settle.
      if (width() === 0) setWidth(w);
      else timer = setTimeout(() => setWidth(w), debounceMs);
    });
    observer.observe(node);
    onCleanup(() => {
      clearTimeout(timer);
      observer.disconnect();
    });
  });
  return width;
}

import { describe, expect, it, vi } from "vitest";

// Node resolves solid-js to its server build, whose stores are plain objects; the browser build
// is what the app runs, so the test loads that one.
vi.mock("solid-js", () => vi.importActual<object>("../../../../node_modules/solid-js/dist/solid.js"));
vi.mock("solid-js/store", () =>
  vi.importActual<object>("../../../../node_modules/solid-js/store/dist/store.js"),
);

const { createStore, unwrap } = await import("solid-js/store");
const { setChanged } = await import("../../../../src/ui/shared/setChanged.ts");

interface S {
  list: { id: string; v: number }[];
  n: number;
  obj: { x: number } | null;
}

describe("setChanged", () => {
  it("sets only what changed, and keeps the proxies of list items by id", () => {
    const [state, setState] = createStore<S>({
      list: [
        { id: "a", v: 1 },
        { id: "b", v: 2 },
      ],
      n: 0,
      obj: null,
    });
    const a = state.list[0];
    const b = state.list[1];
    const prev = unwrap(state);
    setChanged(setState, prev, { ...prev, list: [prev.list[1], { ...prev.list[0], v: 9 }], obj: { x: 1 } });
    expect(unwrap(state)).toEqual({
      list: [
        { id: "b", v: 2 },
        { id: "a", v: 9 },
      ],
      n: 0,
      obj: { x: 1 },
    });
    expect(state.list[0]).toBe(b);
    expect(state.list[1]).toBe(a);
    expect(a.v).toBe(9);
    setChanged(setState, unwrap(state), { ...unwrap(state), obj: null, list: [] });
    expect(unwrap(state)).toEqual({ list: [], n: 0, obj: null });
  });
});

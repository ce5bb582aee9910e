import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs launcher without type declarations
import { mallocEnv } from "../../../bin/mallocRelaunch.mjs";

describe("the launcher's malloc settings (bin/mallocRelaunch.mjs)", () => {
  it("runs Linux commands with one arena and a 4 MiB mmap threshold by default, others on request", () => {
    expect(mallocEnv({}, "linux")).toEqual({ MALLOC_ARENA_MAX: "1", MALLOC_MMAP_THRESHOLD_: "4194304" });
    expect(mallocEnv({ AUTOML_MALLOC: "arenas" }, "linux")).toEqual({ MALLOC_ARENA_MAX: "1" });
    expect(mallocEnv({ AUTOML_MALLOC: "fixed" }, "linux")).toEqual({
      MALLOC_ARENA_MAX: "1",
      MALLOC_MMAP_THRESHOLD_: "131072",
    });
    expect(mallocEnv({ AUTOML_MALLOC: "lean" }, "linux")).toEqual({
      MALLOC_ARENA_MAX: "1",
      MALLOC_MMAP_THRESHOLD_: "4194304",
    });
  });

  it("leaves the process alone when asked, off Linux, or when the caller set the variables", () => {
    expect(mallocEnv({ AUTOML_MALLOC: "default" }, "linux")).toBeNull();
    expect(mallocEnv({ AUTOML_MALLOC: "off" }, "linux")).toBeNull();
    expect(mallocEnv({}, "darwin")).toBeNull();
    expect(mallocEnv({}, "win32")).toBeNull();
    // The child itself (its environment has the settings) does not relaunch again.
    expect(mallocEnv({ MALLOC_ARENA_MAX: "1", MALLOC_MMAP_THRESHOLD_: "4194304" }, "linux")).toBeNull();
    expect(mallocEnv({ AUTOML_MALLOC: "arenas", MALLOC_ARENA_MAX: "2" }, "linux")).toBeNull();
    expect(mallocEnv({ AUTOML_MALLOC: "arenas", MALLOC_ARENA_MAX: "4" }, "linux")).toBeNull();
    expect(
      mallocEnv({ AUTOML_MALLOC: "fixed", MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "1" }, "linux"),
    ).toBeNull();
    // Only what the caller left unset is added.
    expect(mallocEnv({ MALLOC_ARENA_MAX: "2" }, "linux")).toEqual({ MALLOC_MMAP_THRESHOLD_: "4194304" });
    expect(mallocEnv({ AUTOML_MALLOC: "fixed", MALLOC_ARENA_MAX: "8" }, "linux")).toEqual({
      MALLOC_MMAP_THRESHOLD_: "131072",
    });
  });
});

import { describe, expect, it } from "vitest";
import { EXPERIMENT_FORMAT, type SharedExperiment } from "../../../../src/core/share/experiment.ts";
import { readExperimentFile, readLinkPayload } from "../../../../src/core/share/experimentCodec.ts";
import { parseRoute } from "../../../../src/ui/router/route.ts";
import { SHARE_IDS } from "../../../../src/ui/share/shareClient.ts";
import { packShare, sizeText } from "../../../../src/ui/share/shareLink.ts";

const experiment: SharedExperiment = {
  format: EXPERIMENT_FORMAT,
  version: 1,
  name: "Lesson",
  phase: "frame",
  data: {
    name: "t.csv",
    csv: "x,y\n1,a\n2,b\n",
    rows: 2,
    columns: [
      { name: "x", kind: "numeric" },
      { name: "y", kind: "categorical" },
    ],
    sha256: "0".repeat(64),
  },
  framing: null,
  recipe: null,
  split: null,
  run: null,
  teacher: null,
};

describe("packShare", () => {
  it("makes a link the router opens and a file, both reading back to the experiment", async () => {
    const packed = await packShare(experiment, "https://example.org/app/");
    expect(packed.link).toMatch(/^https:\/\/example\.org\/app\/#\/open\/1\.\d+\./);
    const route = parseRoute(packed.link!.slice(packed.link!.indexOf("#")));
    expect(route.page).toBe("open");
    if (route.page !== "open") return;
    expect(await readLinkPayload(route.payload, SHARE_IDS)).toEqual(experiment);
    const file = new Uint8Array(await packed.file.arrayBuffer());
    expect(file.length).toBe(packed.fileBytes);
    expect(await readExperimentFile(file, SHARE_IDS)).toEqual(experiment);
  });

  it("offers only the file when the link would be longer than the limit", async () => {
    const packed = await packShare(experiment, "https://example.org/", 50);
    expect(packed.link).toBeNull();
    expect(packed.linkChars).toBeGreaterThan(50);
    expect(packed.fileBytes).toBeGreaterThan(0);
  });

  it("says sizes in decimal units", () => {
    expect([sizeText(840), sizeText(12_345), sizeText(1_200_000)]).toEqual(["840 B", "12.3 KB", "1.20 MB"]);
  });
});

import type { FrameProfile } from "../../core/profile/profileFrame.ts";
import type { PlotSample } from "../../core/profile/sample.ts";
import { BoxByCategoryPanel } from "./BoxByCategoryPanel.tsx";
import { HeatmapPanel } from "./HeatmapPanel.tsx";
import { PairPanel } from "./PairPanel.tsx";
import { ScatterPanel } from "./ScatterPanel.tsx";
import { TargetPanel } from "./TargetPanel.tsx";

/** How columns go together: correlations, scatter, groups, pairs, and each feature against the target. */
export function RelationshipsView(props: {
  profile: FrameProfile;
  sample: PlotSample;
  target: string | null;
  frameHref: string;
}) {
  return (
    <section aria-labelledby="relationships-heading">
      <h3 id="relationships-heading">Relationships</h3>
      <HeatmapPanel profile={props.profile} />
      <div class="rel-pair">
        <ScatterPanel profile={props.profile} sample={props.sample} target={props.target} />
        <BoxByCategoryPanel profile={props.profile} sample={props.sample} target={props.target} />
      </div>
      <PairPanel profile={props.profile} sample={props.sample} target={props.target} />
      <TargetPanel
        profile={props.profile}
        sample={props.sample}
        target={props.target}
        frameHref={props.frameHref}
      />
    </section>
  );
}

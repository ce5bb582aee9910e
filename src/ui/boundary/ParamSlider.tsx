import type { PlaygroundSlider } from "../../core/automl/boundary/playgroundParams.ts";
import { formatNumber } from "../charts/formatNumber.ts";

/** A log slider's position for a value, and back (three significant digits, as shown). */
const toPosition = (s: PlaygroundSlider, v: number) => (s.scale === "log" ? Math.log10(v) : v);
function fromPosition(s: PlaygroundSlider, p: number): number {
  if (s.scale === "log") return Number((10 ** p).toPrecision(3));
  return s.integer ? Math.round(p) : p;
}

/** How a slider value reads: whole numbers plain, tiny or huge ones in exponent form. */
export function sliderText(s: PlaygroundSlider, v: number): string {
  if (s.integer) return String(v);
  return Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5 ? v.toExponential(1) : formatNumber(v);
}

/** One hyperparameter as a labelled range input showing its value; log ones move in powers of ten. */
export function ParamSlider(props: {
  slider: PlaygroundSlider;
  value: number;
  idPrefix: string;
  onInput: (v: number) => void;
}) {
  const id = () => `${props.idPrefix}-${props.slider.name}`;
  return (
    <div class="param-slider">
      <label for={id()}>
        {props.slider.label}:{" "}
        <output for={id()} data-testid={`slider-value-${props.slider.name}`}>
          {sliderText(props.slider, props.value)}
        </output>
      </label>
      <input
        id={id()}
        type="range"
        data-testid={`slider-${props.slider.name}`}
        data-param={props.slider.name}
        min={toPosition(props.slider, props.slider.min)}
        max={toPosition(props.slider, props.slider.max)}
        step={props.slider.scale === "log" ? 0.05 : props.slider.integer ? 1 : 0.01}
        value={toPosition(props.slider, props.value)}
        aria-valuetext={sliderText(props.slider, props.value)}
        aria-describedby={`${id()}-hint`}
        onInput={(e) => props.onInput(fromPosition(props.slider, Number(e.currentTarget.value)))}
      />
      <span class="param-hint" id={`${id()}-hint`}>
        {props.slider.hint}
      </span>
    </div>
  );
}

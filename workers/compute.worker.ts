/// <reference lib="webworker" />
import * as Comlink from "comlink";
import { explainValues } from "../src/core/automl/explain/explainValues.ts";
import { pipelinePartialDependence } from "../src/core/automl/explain/pipelinePartialDependence.ts";
import { probeBackends } from "./backends.ts";
import type { ComputeWorkerApi } from "./computeApi.ts";
import { explainerOf, pickedRow } from "./explainer.ts";

/** A macrotask: lets messages that came in meanwhile (a newer what-if request) run first. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The latest what-if request per channel: older ones still waiting are answered with null. */
const latest = new Map<string, number>();
const calls = new Map<string, AbortController>();

const api: ComputeWorkerApi = {
  probeBackends,

  async openExplainer(source) {
    return (await explainerOf(source)).setup;
  },

  async pickRow(source, position) {
    return pickedRow(await explainerOf(source), position);
  },

  async explainValues(source, values, ticket) {
    latest.set(ticket.channel, ticket.seq);
    await pause();
    if (latest.get(ticket.channel) !== ticket.seq) return null;
    const ex = await explainerOf(source);
    if (latest.get(ticket.channel) !== ticket.seq) return null;
    return explainValues(ex.pipeline, ex.frame, values, ex.background, {
      seed: ex.seed,
      positive: ex.positive,
    });
  },

  async partialDependence(callId, source, column, cls, onProgress) {
    const ctl = new AbortController();
    calls.set(callId, ctl);
    try {
      const ex = await explainerOf(source);
      return await pipelinePartialDependence(ex.pipeline, ex.frame, column, {
        pool: ex.train,
        seed: ex.seed,
        class: cls ?? undefined,
        signal: ctl.signal,
        onProgress: (p) => void onProgress(p),
        pause,
      });
    } finally {
      calls.delete(callId);
      (onProgress as Partial<Comlink.Remote<unknown>>)[Comlink.releaseProxy]?.();
    }
  },

  cancel(callId) {
    calls.get(callId)?.abort();
  },
};

Comlink.expose(api);

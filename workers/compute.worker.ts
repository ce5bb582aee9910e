/// <reference lib="webworker" />
import * as Comlink from "comlink";
import { probeBackends } from "./backends.ts";
import type { ComputeWorkerApi } from "./computeApi.ts";

const api: ComputeWorkerApi = { probeBackends };

Comlink.expose(api);

/// <reference lib="webworker" />
import * as Comlink from "comlink";
import { openAppDb } from "../src/persist/db.ts";
import type { ShareWorkerApi } from "./shareApi.ts";
import { openShared, packProject } from "./shareTasks.ts";

const api: ShareWorkerApi = {
  async pack(request, onProgress) {
    const bytes = await packProject(await openAppDb(), request, onProgress);
    return Comlink.transfer(bytes, [bytes.file.buffer as ArrayBuffer]);
  },
  async open(source, known, onProgress, onProject) {
    return openShared(await openAppDb(), source, known, onProgress, onProject);
  },
};

Comlink.expose(api);

/**
 * The Monitor phase's decisions (retrain, compare, promote, keep, roll back), each with the
 * evidence it was taken on, per project, oldest first. Records are only ever added.
 */

import { ValidationError } from "../core/errors.ts";
import type { BootstrapResult, McNemarResult } from "../core/monitor/compareModels.ts";
import { now } from "./clock.ts";
import type { AppDb } from "./db.ts";
import { commit } from "./write.ts";

/** The rows a challenger was trained on. */
export interface RetrainEvidence {
  kind: "retrain";
  runId: string;
  datasetId: string;
  /** "all": the training rows plus every kept labelled batch; "window": only the newest batches' rows. */
  rows: "all" | "window";
  trainingRows: number;
  /** Batch rows added, per batch (the newest labelled batch: its training half only). */
  batches: { batchId: string; number: number; rows: number }[];
  /** The newest labelled batch's rows held out for the comparison (row indices in its kept rows). */
  heldOut: { batchId: string; number: number; rows: number[] } | null;
}

/** Champion against challenger on labelled rows neither trained on. */
export interface CompareEvidence {
  kind: "compare";
  batchId: string;
  batchNumber: number;
  rows: number;
  bootstrap: BootstrapResult;
  /** Accuracy-type answers only (classification): McNemar on right / wrong per row. */
  mcnemar: McNemarResult | null;
}

/** A promotion, keep or roll back: the comparison it followed, if any. */
export interface AliasEvidence {
  kind: "alias";
  compareId: string | null;
}

/** One decision and its evidence. */
export interface MonitorDecision {
  id: string;
  projectId: string;
  at: number;
  action: "retrain" | "compare" | "promote" | "keep" | "rollback";
  /** Versions concerned: the champion and the challenger at the time. */
  championId: string | null;
  challengerId: string | null;
  /** One sentence, for people. */
  summary: string;
  evidence: RetrainEvidence | CompareEvidence | AliasEvidence;
}

export type NewDecision = Omit<MonitorDecision, "id" | "at">;

/** Records a decision. */
export async function addDecision(db: AppDb, input: NewDecision): Promise<MonitorDecision> {
  if (!input.summary.trim()) throw new ValidationError("A decision needs a summary.");
  const record: MonitorDecision = { ...structuredClone(input), id: crypto.randomUUID(), at: now() };
  const tx = db.transaction("monitorDecisions", "readwrite");
  await commit(tx, (write) => write(tx.store.add(record)));
  return record;
}

/** A project's decisions, oldest first. */
export async function listDecisions(db: AppDb, projectId: string): Promise<MonitorDecision[]> {
  const all = await db.getAllFromIndex("monitorDecisions", "projectId", projectId);
  return all.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

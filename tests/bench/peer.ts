import { spawnSync } from "node:child_process";

/** The scikit-learn peer: the system Python, which has scikit-learn 1.2 (pyenv's python3 does not). */
export const PEER_PYTHON = process.env.PEER_PYTHON ?? "/usr/bin/python3";

/**
 * Runs a Python script with the peer interpreter and returns what it printed last, parsed as
 * JSON; undefined (and a warning on stderr) when Python or scikit-learn is missing, so a bench
 * still prints our own figures without the peer.
 */
export function runPeer<T>(script: string, args: string[] = []): T | undefined {
  const run = spawnSync(PEER_PYTHON, ["-c", script, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
  });
  if (run.status !== 0) {
    console.warn(
      `peer unavailable (${PEER_PYTHON}): ${(run.stderr || String(run.error)).trim().split("\n").pop()}`,
    );
    return undefined;
  }
  const lines = run.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as T;
}

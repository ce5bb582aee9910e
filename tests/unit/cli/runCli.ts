import { main } from "../../../src/cli/main.ts";

/** Runs the CLI's `main` in-process with `args`, capturing what it writes and its exit code. */
export async function runCli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

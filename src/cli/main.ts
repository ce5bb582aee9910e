/**
 * The command line: `automl-playground <command> [options]`. Each command lives in its own file and
 * returns an exit status; this file only dispatches, prints help, and turns any error into one
 * plain sentence (never a stack trace).
 */
import { EXPLAIN_HELP, explain } from "./explain.ts";
import { EXPORT_HELP, exportModel } from "./export.ts";
import { INSPECT_HELP, inspect } from "./inspect.ts";
import { type Io, nodeIo } from "./io.ts";
import { MONITOR_HELP, monitor } from "./monitor.ts";
import { PREDICT_HELP, predict } from "./predict.ts";
import { PROFILE_HELP, profile } from "./profile.ts";
import { TRAIN_HELP, train } from "./train.ts";

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string; help: string }> = {
  inspect: {
    run: inspect,
    summary: "read a CSV file and show its columns, kinds and problems",
    help: INSPECT_HELP,
  },
  profile: {
    run: profile,
    summary: "profile a CSV file: statistics, alerts, and with --target the task and metric",
    help: PROFILE_HELP,
  },
  train: {
    run: train,
    summary: "train the model ladder on a CSV file and show the leaderboard",
    help: TRAIN_HELP,
  },
  predict: {
    run: predict,
    summary: "predict the rows of a CSV file with a model saved by train",
    help: PREDICT_HELP,
  },
  explain: {
    run: explain,
    summary: "explain the predictions of rows of a CSV file: each column's contribution",
    help: EXPLAIN_HELP,
  },
  monitor: {
    run: monitor,
    summary: "test a batch of new rows for drift against a model's training data, and score it",
    help: MONITOR_HELP,
  },
  export: {
    run: exportModel,
    summary: "export a saved model as a model file with its card (json) or a one-file HTML predictor (html)",
    help: EXPORT_HELP,
  },
};

const HELP = `Usage: automl-playground <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

Run "automl-playground help <command>" for a command's options.
`;

/** Runs the command line with `argv` (without node and the script); resolves to the exit status. */
export async function main(argv: string[], io: Io = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "help" || name === "--help" || name === "-h") {
      const topic = name === "help" ? rest[0] : undefined;
      if (topic !== undefined && COMMANDS[topic]) {
        io.out(COMMANDS[topic].help);
        return 0;
      }
      if (topic !== undefined) {
        io.err(`Unknown command "${topic}". Run "automl-playground help" for the list.`);
        return 2;
      }
      io.out(HELP);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      io.err(`Unknown command "${name}". Run "automl-playground help" for the list.`);
      return 2;
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(command.help);
      return 0;
    }
    return await command.run(rest, io);
  } catch (err) {
    io.err(oneSentence(err));
    return 1;
  }
}

/** The message of any thrown value, on one line. */
export function oneSentence(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0].trim() || "Something went wrong.";
}

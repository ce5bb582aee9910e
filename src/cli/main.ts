/**
 * The command line: `automl-playground <command> [options]`. Each command lives in its own file and
 * returns an exit status; this file only dispatches, prints help, and turns any error into one
 * plain sentence (never a stack trace).
 */
import { type Io, nodeIo } from "./io.ts";

type Command = (args: string[], io: Io) => Promise<number>;

/**
 * Each command's module is imported only when that command (or its help) runs: the engine, tfjs
 * and the ONNX writer behind them took most of a second to load for every `help` (190 MB against
 * 75 MB now, measured with /usr/bin/time), and a command that reads a CSV needs none of the others.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command; help: string }> }> = {
  inspect: {
    summary: "read a CSV file and show its columns, kinds and problems",
    load: async () => {
      const m = await import("./inspect.ts");
      return { run: m.inspect, help: m.INSPECT_HELP };
    },
  },
  profile: {
    summary: "profile a CSV file: statistics, alerts, and with --target the task and metric",
    load: async () => {
      const m = await import("./profile.ts");
      return { run: m.profile, help: m.PROFILE_HELP };
    },
  },
  train: {
    summary: "train the model ladder on a CSV file and show the leaderboard",
    load: async () => {
      const m = await import("./train.ts");
      return { run: m.train, help: m.TRAIN_HELP };
    },
  },
  predict: {
    summary: "predict the rows of a CSV file with a model saved by train",
    load: async () => {
      const m = await import("./predict.ts");
      return { run: m.predict, help: m.PREDICT_HELP };
    },
  },
  explain: {
    summary: "explain the predictions of rows of a CSV file: each column's contribution",
    load: async () => {
      const m = await import("./explain.ts");
      return { run: m.explain, help: m.EXPLAIN_HELP };
    },
  },
  monitor: {
    summary: "test a batch of new rows for drift against a model's training data, and score it",
    load: async () => {
      const m = await import("./monitor.ts");
      return { run: m.monitor, help: m.MONITOR_HELP };
    },
  },
  export: {
    summary: "export a saved model as a model file with its card (json) or a one-file HTML predictor (html)",
    load: async () => {
      const m = await import("./export.ts");
      return { run: m.exportModel, help: m.EXPORT_HELP };
    },
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
      if (topic !== undefined && Object.hasOwn(COMMANDS, topic)) {
        io.out((await COMMANDS[topic].load()).help);
        return 0;
      }
      if (topic !== undefined) {
        io.err(`Unknown command "${topic}". Run "automl-playground help" for the list.`);
        return 2;
      }
      io.out(HELP);
      return 0;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry) {
      io.err(`Unknown command "${name}". Run "automl-playground help" for the list.`);
      return 2;
    }
    const command = await entry.load();
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

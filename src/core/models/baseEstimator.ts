import { ValidationError } from "../errors.ts";
import {
  type Artifact,
  assertFitted,
  type Estimator,
  type FitOptions,
  type FittedShape,
  type Matrix,
  type Target,
} from "./estimator.ts";
import { describeValue, StateReader } from "./stateReader.ts";

/**
 * What a model family states about its artifacts, and all it states: the tag, the params'
 * defaults, the migrations from older state versions, and how to parse (and, when the in-memory
 * form differs from JSON, save) its state. Constructor, toJSON and fromJSON come from
 * `BaseEstimator`, once for every family.
 */
export interface ArtifactSpec<P extends object, S, J = S> {
  /** The artifact's `type` tag (the model id). */
  type: string;
  defaults: P;
  /**
   * One step per older version, as persist/schema.ts: `migrations[v - 1]` takes an artifact's
   * params and state from version v to v + 1. The current version is `migrations.length + 1`.
   * Never edit a shipped step; append one and make `parseState` read the new layout. A step gets
   * untrusted input: it may only move and rename fields, parseState checks the result.
   */
  migrations: readonly StateMigration[];
  /** Reads and checks the state field by field (`read.fail` names the part); params are checked already. */
  parseState(raw: unknown, read: StateReader, params: P): S;
  /** The state as plain JSON; omitted when the in-memory state is JSON already. */
  saveState?(state: S): J;
}

/** One migration step: the previous version's params and state in, the next version's out. */
export type StateMigration = (old: { params: Record<string, unknown>; state: unknown }) => {
  params: Record<string, unknown>;
  state: unknown;
};

/** Builds an artifact spec (identity, for type inference at the definition). */
export function defineArtifact<P extends object, S, J = S>(
  spec: ArtifactSpec<P, S, J>,
): ArtifactSpec<P, S, J> {
  return spec;
}

/** The state version a family writes today. */
export function artifactVersion(spec: { migrations: readonly StateMigration[] }): number {
  return spec.migrations.length + 1;
}

/** Copies params so that no caller shares an array with the model. */
function copyParams<P extends object>(params: P): P {
  const out = { ...params } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (Array.isArray(out[key])) out[key] = [...(out[key] as unknown[])];
  return out as P;
}

/**
 * Reads an untrusted artifact: the tag, the version (newer ones refused, older ones migrated),
 * every param (known names only; JSON scalars or flat arrays of them, numbers finite) merged over
 * the defaults, then the state by the family's parser. Throws ValidationError naming the part.
 */
export function readArtifact<P extends object, S, J>(
  spec: ArtifactSpec<P, S, J>,
  raw: unknown,
): { params: P; state: S } {
  const { type } = spec;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new ValidationError(`not a model artifact: expected an object, got ${describeValue(raw)}`);
  const tag = Object.hasOwn(raw, "type") ? (raw as { type: unknown }).type : undefined;
  if (tag !== type) throw new ValidationError(`not a ${type} artifact: its type is ${describeValue(tag)}`);
  const read: StateReader = new StateReader(type);
  const top = read.object(raw, "artifact", ["type", "version", "params", "state"]);
  const current = artifactVersion(spec);
  const version = top.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    read.fail("version", `expected a state version from 1 to ${current}, got ${describeValue(version)}`);
  if (version > current) {
    throw new ValidationError(
      `${type}: made by a newer version of the app (state version ${version}, this app reads up to ${current})`,
    );
  }
  const from = version as number;
  let params: Record<string, unknown> = read.object(top.params, "params", [], Object.keys(top.params ?? {}));
  let state = top.state;
  for (let v = from; v < current; v++) {
    try {
      ({ params, state } = spec.migrations[v - 1]({ params, state }));
    } catch (err) {
      // A step meets untrusted input; whatever it trips on, the file is what is wrong.
      read.fail(`state version ${v}`, `cannot be brought up to date (${(err as Error).message})`);
    }
  }
  const checked = readParams(read, params, spec.defaults);
  return { params: checked, state: spec.parseState(state, read, checked) };
}

/** Known names only; values JSON scalars or flat arrays of them; merged over the defaults. */
function readParams<P extends object>(read: StateReader, raw: unknown, defaults: P): P {
  const given = read.object(raw, "params", [], Object.keys(defaults));
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const key of Object.keys(given)) {
    const v = given[key];
    const part = `params.${key}`;
    if (Array.isArray(v)) out[key] = v.map((item, i) => readScalar(read, item, `${part}[${i}]`));
    else out[key] = readScalar(read, v, part);
  }
  return copyParams(out as P);
}

function readScalar(read: StateReader, v: unknown, part: string): unknown {
  if (v === null || typeof v === "boolean") return v;
  if (typeof v === "number") return read.number(v, part);
  if (typeof v === "string") {
    if (v.length > 1000) read.fail(part, "string too long");
    return v;
  }
  return read.fail(part, `expected a number, string, true, false or null, got ${describeValue(v)}`);
}

/**
 * The shared estimator shell: params merged over the defaults (arrays copied), `state` set by fit,
 * `toJSON` that refuses before fit, and a static `fromJSON` that checks everything it reads.
 * Subclasses give their ArtifactSpec as `static readonly artifact` and write fit, predict and
 * shapeOf; nothing else.
 */
export abstract class BaseEstimator<P extends object, S, J = S> implements Estimator<P> {
  readonly params: P;
  /** The fitted state; undefined until fit (or restore). */
  protected state?: S;
  readonly #spec: ArtifactSpec<P, S, J>;

  /** Params merged over the defaults of the class's `static artifact` spec; nothing else. */
  constructor(params: Partial<P> = {}) {
    const spec = (new.target as unknown as { artifact?: ArtifactSpec<P, S, J> }).artifact;
    if (!spec) throw new TypeError(`${new.target.name} has no static artifact spec`);
    this.#spec = spec;
    this.params = copyParams({ ...spec.defaults, ...params });
  }

  get type(): string {
    return this.#spec.type;
  }

  abstract fit(X: Matrix, y: Target, opts?: FitOptions): this | Promise<this>;
  abstract predict(X: Matrix): Float64Array;
  /** The fitted shape read from a state. */
  protected abstract shapeOf(state: S): FittedShape;

  fittedShape(): FittedShape {
    return this.shapeOf(this.fitted());
  }

  /** The state; NotFittedError before fit. */
  protected fitted(): S {
    assertFitted(this.state, this.type);
    return this.state;
  }

  toJSON(): Artifact<P, J> {
    const state = this.fitted();
    const spec = this.#spec;
    return {
      type: spec.type,
      version: artifactVersion(spec),
      params: copyParams(this.params),
      state: spec.saveState ? spec.saveState(state) : (state as unknown as J),
    };
  }

  /**
   * Rebuilds a model of the class it is called on (`RandomForest.fromJSON(a)`) from an untrusted
   * artifact, every part checked by `readArtifact` against the class's `static artifact` spec.
   */
  static fromJSON<T extends BaseEstimator<object, unknown, unknown>>(
    this: (new (params?: object) => T) & { artifact: ArtifactSpec<object, unknown, unknown> },
    artifact: unknown,
  ): T {
    // `this` is the class fromJSON was called on (RandomForest, Gbdt, ...), not the base.
    // biome-ignore lint/complexity/noThisInStatic: polymorphic on purpose, see above
    const { params, state } = readArtifact(this.artifact, artifact);
    const model = new this(params);
    model.state = state;
    return model;
  }
}

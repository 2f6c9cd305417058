import type { Finding } from '../core/finding.js';
import type { Entity } from '../model/entities.js';
import type { ResolvedResource } from '../model/resolved-resource.js';

/** File formats the engine knows. */
export type FileFormat = 'arm' | 'arm-parameters' | 'bicep' | 'bicepparam' | 'terraform' | 'tfvars' | 'terraform-plan';

/** A file read by the engine. `path` is the display path (relative to cwd, `/` separators). */
export interface SourceFile {
  path: string;
  /** Absolute path on disk. */
  absPath: string;
  text: string;
}

/** Per-file result for the JSON contract's `files[]`. */
export interface FileReport {
  path: string;
  format: FileFormat;
  resources: number;
  /** Parse and load errors, one line each (`line:col message`). */
  errors: string[];
}

/** What the engine gives a loader. */
export interface LoaderContext {
  /** Every file of the run, by display path. Loaders resolve relative references (modules,
   *  `templateLink.relativePath`, parameter files) only within this set. */
  files: ReadonlyMap<string, SourceFile>;
  /** Absolute root folders being checked; a reference that leaves them is refused with a finding. */
  roots: readonly string[];
  /** Config: extra parameter-file pairing (parameter file display path → template display path). */
  parameterFiles: ReadonlyMap<string, string>;
  /** Per-file parse time budget, milliseconds (default 2000). */
  parseBudgetMs: number;
  /** Progress line for long runs. */
  progress?: (message: string) => void;
}

/** What a loader returns: evaluated ARM-shaped resources and/or model entities, file reports and findings. */
export interface LoaderOutput {
  /** ARM and Bicep loaders: resources in ARM shape; the model builder maps them to entities. */
  resources: ResolvedResource[];
  /** Terraform loader: entities mapped directly. */
  entities: Entity[];
  files: FileReport[];
  /** `parse/error`, `load/…` findings (module cycles, references outside the root, skipped content). */
  findings: Finding[];
}

/** A source format's loader. */
export interface Loader {
  name: string;
  /** Which of the run's files this loader reads (by name and, for JSON, content). */
  claims(file: SourceFile): FileFormat | undefined;
  /** Loads every claimed file together (parameter pairing and modules need the whole set). Never throws on user content. */
  load(files: SourceFile[], ctx: LoaderContext): Promise<LoaderOutput>;
}

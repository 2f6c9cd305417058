import type { Node, Tree } from 'web-tree-sitter';
import type { LineMap } from '../../core/position.js';
import type { SourceFile } from '../types.js';
import { bodyItems, bodyOf, type HclAttribute, type HclBlock } from './hcl-ast.js';

/** One parsed `.tf` file. */
export interface ParsedTfFile {
  file: SourceFile;
  lines: LineMap;
  tree: Tree;
  root: Node;
}

/** A declaration with the file it was written in. */
export interface Located<T> {
  item: T;
  file: ParsedTfFile;
}

/** A `resource` or `data` block. */
export interface TfResourceDecl {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  block: HclBlock;
  file: ParsedTfFile;
}

/**
 * The declarations of one Terraform module (a directory of `.tf` files): variables, locals,
 * resources, data sources, module calls and outputs (https://developer.hashicorp.com/terraform/language/modules).
 */
export interface TfModuleDecl {
  /** Directory display path ('' for the run's cwd). */
  dir: string;
  files: ParsedTfFile[];
  variables: Map<string, Located<HclBlock>>;
  locals: Map<string, Located<HclAttribute>>;
  resources: TfResourceDecl[];
  modules: Map<string, Located<HclBlock>>;
  outputs: Map<string, Located<HclBlock>>;
}

/** Collects the declarations of a module's parsed files (later duplicates are ignored, as Terraform would refuse them). */
export function collectDeclarations(dir: string, files: ParsedTfFile[]): TfModuleDecl {
  const decl: TfModuleDecl = { dir, files, variables: new Map(), locals: new Map(), resources: [], modules: new Map(), outputs: new Map() };
  for (const f of files) {
    const { blocks } = bodyItems(bodyOf(f.root));
    for (const b of blocks) {
      switch (b.type) {
        case 'variable':
          if (b.labels[0] && !decl.variables.has(b.labels[0])) decl.variables.set(b.labels[0], { item: b, file: f });
          break;
        case 'locals':
          for (const a of bodyItems(b.body).attributes) if (!decl.locals.has(a.name)) decl.locals.set(a.name, { item: a, file: f });
          break;
        case 'resource':
        case 'data':
          if (b.labels.length >= 2) decl.resources.push({ mode: b.type === 'data' ? 'data' : 'managed', type: b.labels[0]!, name: b.labels[1]!, block: b, file: f });
          break;
        case 'module':
          if (b.labels[0] && !decl.modules.has(b.labels[0])) decl.modules.set(b.labels[0], { item: b, file: f });
          break;
        case 'output':
          if (b.labels[0] && !decl.outputs.has(b.labels[0])) decl.outputs.set(b.labels[0], { item: b, file: f });
          break;
        default:
          break;
      }
    }
  }
  return decl;
}

/** An attribute of a block body by name. */
export function attribute(block: HclBlock, name: string): HclAttribute | undefined {
  return bodyItems(block.body).attributes.find((a) => a.name === name);
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';

/**
 * task.json against azure-pipelines-task-lib's tasks.schema.json (a copy in the fixtures, with
 * the Node24 and Node20_1 handlers), and vss-extension.json packaging the task folder consistently.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
const task = read('task.json');
const ext = read('vss-extension.json');
const pkg = read('package.json');

describe('task.json', () => {
  it('is valid against tasks.schema.json', () => {
    const schema = read('test/fixtures/azure-devops/tasks.schema.json');
    // The schema is draft-04; ajv reads it as draft-07 once the draft-04 `$schema`/`id` keys are dropped
    // (its patterns use non-unicode escapes such as `\:`, hence unicodeRegExp: false).
    delete schema.$schema;
    delete schema.id;
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);
    expect(validate(task) ? [] : validate.errors).toEqual([]);
  });

  it('runs the committed bundle with both the Node24 and Node20_1 handlers', () => {
    expect(Object.keys(task.execution).sort()).toEqual(['Node20_1', 'Node24']);
    for (const h of Object.values(task.execution) as { target: string }[]) {
      expect(h.target).toBe('dist/task/index.js');
      expect(existsSync(join(ROOT, h.target))).toBe(true);
    }
    // The bundle is CommonJS: its package.json says so.
    expect(read('dist/task/package.json').type).toBe('commonjs');
    expect(task.minimumAgentVersion).toBe('3.232.1');
  });

  it('has a fixed id, the name VnetPreflight, the package version and the inputs the task reads', () => {
    expect(task.id).toBe('648adf5e-3bb0-4bd1-9595-2c411693d9da');
    expect(task.name).toBe('VnetPreflight');
    expect(`${task.version.Major}.${task.version.Minor}.${task.version.Patch}`).toBe(pkg.version);
    expect(task.inputs.map((i: { name: string }) => i.name)).toEqual(['paths', 'config', 'failOn', 'scope', 'prComments', 'sarifFile']);
    const src = readFileSync(join(ROOT, 'src/entry/task.ts'), 'utf8');
    for (const i of task.inputs as { name: string }[]) expect(src).toContain(`tl.getInput('${i.name}')`);
    const failOn = task.inputs.find((i: { name: string }) => i.name === 'failOn');
    expect(Object.keys(failOn.options)).toEqual(['error', 'warning', 'note', 'never']);
  });
});

describe('vss-extension.json', () => {
  it('packages task.json and the bundle into the task folder its contribution names', () => {
    const contribution = ext.contributions.find((c: { type: string }) => c.type === 'ms.vss-distributed-task.task');
    const folder = contribution.properties.name;
    expect(folder).toBe('VnetPreflight');
    expect(contribution.targets).toEqual(['ms.vss-distributed-task.tasks']);
    const files = ext.files as { path: string; packagePath: string }[];
    expect(files).toContainEqual({ path: 'task.json', packagePath: `${folder}/task.json` });
    expect(files).toContainEqual({ path: 'dist/task', packagePath: `${folder}/dist/task` });
    for (const f of files) expect(existsSync(join(ROOT, f.path))).toBe(true);
    expect(ext.version).toBe(pkg.version);
  });
});

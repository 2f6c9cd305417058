#!/usr/bin/env node
// Extracts the request-body schemas of the GitHub REST operations vnet-preflight calls from
// GitHub's published OpenAPI description (@octokit/openapi, dereferenced), into a small fixture
// the local GitHub test server validates requests against. The full package is ~385 MB, too heavy
// to install on every CI run, so the subset is committed. To refresh:
//   npm i --no-save @octokit/openapi@23 && node scripts/extract-github-schemas.mjs
// (or install it in another folder and run with OPENAPI_FROM=<that folder>)
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(process.env.OPENAPI_FROM ? `${process.env.OPENAPI_FROM}/` : import.meta.url);
const api = require('@octokit/openapi/generated/api.github.com.deref.json');
const { version } = require('@octokit/openapi/package.json');

const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['post', '/repos/{owner}/{repo}/check-runs'],
  ['patch', '/repos/{owner}/{repo}/check-runs/{check_run_id}'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/check-runs'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/comments'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/pulls/comments/{comment_id}'],
];

const out = { source: `@octokit/openapi ${version}, generated/api.github.com.deref.json`, operations: {} };
for (const [method, path] of OPERATIONS) {
  const op = api.paths[path]?.[method];
  if (!op) throw new Error(`operation not found: ${method.toUpperCase()} ${path}`);
  out.operations[`${method.toUpperCase()} ${path}`] = {
    operationId: op.operationId,
    requestBody: op.requestBody?.content?.['application/json']?.schema ?? null,
  };
}
writeFileSync(new URL('../test/fixtures/github/openapi-subset.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${Object.keys(out.operations).length} operations from ${out.source}`);

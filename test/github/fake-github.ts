import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * A local HTTP server that answers like the GitHub REST API for the endpoints vnet-preflight
 * calls, on 127.0.0.1 only. It validates request bodies against the schemas extracted from
 * GitHub's OpenAPI description (test/fixtures/github/openapi-subset.json) and refuses what GitHub
 * refuses: more than 50 annotations in one request, a review comment on a line outside the diff
 * (the whole review fails with 422), writes with a read-only token (403).
 */
export interface FakePullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  patch?: string;
}

export interface FakeState {
  owner: string;
  repo: string;
  pull: { number: number; headSha: string; files: FakePullFile[] };
  checkRuns: { id: number; name: string; head_sha: string; conclusion?: string; output: { title?: string; summary?: string; annotations: unknown[] } }[];
  reviews: { id: number; body: string; commit_id: string; event: string; comments: number }[];
  comments: { id: number; body: string; path: string; line: number; commit_id: string }[];
  /** Every request, for assertions: method, path, status. */
  log: { method: string; path: string; status: number }[];
  /** Tokens allowed to write; any other token gets 403 on writes. */
  writeTokens: Set<string>;
  /** `path:line` review comment positions GitHub refuses even inside the diff (e.g. an outdated position). */
  refuseLines?: Set<string>;
}

const SUBSET = JSON.parse(readFileSync(path.join(process.cwd(), 'test/fixtures/github/openapi-subset.json'), 'utf8')) as {
  operations: Record<string, { requestBody: object | null }>;
};

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validators = new Map<string, ValidateFunction>();
function validatorFor(op: string): ValidateFunction | undefined {
  if (validators.has(op)) return validators.get(op);
  const schema = SUBSET.operations[op]?.requestBody;
  const v = schema ? ajv.compile(schema) : undefined;
  if (v) validators.set(op, v);
  return v;
}

/** New-side lines inside the hunks of a patch (an independent reading of `@@ -a,b +c,d @@`). */
function diffLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let n = 0;
  let inHunk = false;
  for (const l of patch.split('\n')) {
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
    if (h) {
      n = Number(h[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk || l.startsWith('-') || l.startsWith('\\')) continue;
    lines.add(n++);
  }
  return lines;
}

export async function startFakeGitHub(state: FakeState): Promise<{ url: string; close: () => Promise<void> }> {
  let nextId = 1000;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      try {
        handle(req, res, raw);
      } catch (e) {
        send(req, res, 500, { message: String(e) });
      }
    });
  });

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    state.log.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, status });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const token = (req.headers.authorization ?? '').replace(/^(token|bearer)\s+/i, '');
    const base = `/repos/${state.owner}/${state.repo}`;
    const p = url.pathname;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const route = (op: string) => {
      const v = validatorFor(op);
      if (v && method !== 'GET' && !v(body)) {
        send(req, res, 422, { message: 'Invalid request.', errors: v.errors, documentation_url: 'https://docs.github.com/rest' });
        return false;
      }
      if (method !== 'GET' && !state.writeTokens.has(token)) {
        send(req, res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
        return false;
      }
      return true;
    };

    if (method === 'GET' && p === `${base}/pulls/${state.pull.number}/files`) {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const items = state.pull.files.slice((page - 1) * perPage, page * perPage);
      return send(req, res, 200, items.map((f, i) => ({ sha: `s${i}`, filename: f.filename, status: f.status, additions: 1, deletions: 0, changes: 1, blob_url: '', raw_url: '', contents_url: '', ...(f.patch ? { patch: f.patch } : {}) })));
    }
    if (p === `${base}/check-runs` && method === 'POST') {
      if (!route('POST /repos/{owner}/{repo}/check-runs')) return;
      const output = (body.output ?? {}) as { title?: string; summary?: string; annotations?: unknown[] };
      if ((output.annotations ?? []).length > 50) return send(req, res, 422, { message: 'Only 50 annotations are allowed per request.' });
      const run = { id: nextId++, name: String(body.name), head_sha: String(body.head_sha), conclusion: body.conclusion as string | undefined, output: { title: output.title, summary: output.summary, annotations: [...(output.annotations ?? [])] } };
      state.checkRuns.push(run);
      return send(req, res, 201, { id: run.id, name: run.name, head_sha: run.head_sha, status: 'completed', conclusion: run.conclusion });
    }
    const cr = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(p);
    if (cr && method === 'PATCH') {
      if (!route('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}')) return;
      const run = state.checkRuns.find((r) => r.id === Number(cr[1]));
      if (!run) return send(req, res, 404, { message: 'Not Found' });
      const output = (body.output ?? {}) as { annotations?: unknown[] };
      if ((output.annotations ?? []).length > 50) return send(req, res, 422, { message: 'Only 50 annotations are allowed per request.' });
      run.output.annotations.push(...(output.annotations ?? []));
      return send(req, res, 200, { id: run.id });
    }
    if (p === `${base}/pulls/${state.pull.number}/comments` && method === 'GET') {
      return send(req, res, 200, state.comments.map((c) => ({ id: c.id, body: c.body, path: c.path, line: c.line, commit_id: c.commit_id, user: { login: 'github-actions[bot]' } })));
    }
    if (p === `${base}/pulls/${state.pull.number}/reviews` && method === 'POST') {
      if (!route('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews')) return;
      const comments = (body.comments ?? []) as { path: string; line: number; body: string }[];
      for (const c of comments) {
        const f = state.pull.files.find((x) => x.filename === c.path);
        if (!f || !diffLines(f.patch).has(c.line) || state.refuseLines?.has(`${c.path}:${c.line}`)) {
          return send(req, res, 422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved', 'pull_request_review_thread.line must be part of the diff'] });
        }
      }
      const review = { id: nextId++, body: String(body.body ?? ''), commit_id: String(body.commit_id), event: String(body.event), comments: comments.length };
      state.reviews.push(review);
      for (const c of comments) state.comments.push({ id: nextId++, body: c.body, path: c.path, line: c.line, commit_id: review.commit_id });
      return send(req, res, 200, { id: review.id, state: 'COMMENTED' });
    }
    if (p === `${base}/pulls/${state.pull.number}/comments` && method === 'POST') {
      if (!route('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments')) return;
      const c = body as { path: string; line: number; body: string; commit_id: string };
      const f = state.pull.files.find((x) => x.filename === c.path);
      if (!f || !diffLines(f.patch).has(c.line) || state.refuseLines?.has(`${c.path}:${c.line}`)) {
        return send(req, res, 422, { message: 'Validation Failed', errors: [{ resource: 'PullRequestReviewComment', code: 'custom', field: 'pull_request_review_thread.line', message: 'could not be resolved' }] });
      }
      const comment = { id: nextId++, body: c.body, path: c.path, line: c.line, commit_id: c.commit_id };
      state.comments.push(comment);
      return send(req, res, 201, { id: comment.id, body: comment.body, path: comment.path, line: comment.line });
    }
    const cm = /^\/repos\/[^/]+\/[^/]+\/pulls\/comments\/(\d+)$/.exec(p);
    if (cm && method === 'PATCH') {
      if (!route('PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}')) return;
      const c = state.comments.find((x) => x.id === Number(cm[1]));
      if (!c) return send(req, res, 404, { message: 'Not Found' });
      c.body = String(body.body);
      return send(req, res, 200, { id: c.id, body: c.body });
    }
    return send(req, res, 404, { message: `Not Found: ${method} ${p}` });
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  return { url: `http://127.0.0.1:${addr.port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A patch that adds a whole new file (every line added). */
export function addedFilePatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`;
}

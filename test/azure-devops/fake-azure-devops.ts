import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server (127.0.0.1, random port) that answers like the Azure DevOps REST API for
 * what the task calls through azure-devops-node-api: the `OPTIONS {collection}/_apis/{area}`
 * location discovery (Location and git areas), resource areas, pull request iterations, iteration
 * changes (paged with `nextSkip`/`nextTop`), file diffs, threads (properties stored and returned
 * typed, `{"$type","$value"}`), comments and statuses. It refuses what Azure DevOps refuses: a
 * thread on a path that is not part of the pull request, a bad position or iteration context, a
 * status without context, a wrong token (401), and in `forbidden` mode any write (403 TF401027).
 */

export const PROJECT_ID = '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c';
export const PROJECT_NAME = 'Network';
export const REPOSITORY_ID = '5febef5a-833d-4e14-b9c0-14cb638f91e6';
export const LOCATION_AREA_RESOURCE_AREAS = 'e81700f7-3be2-46de-8624-2eb35882fcaa';

export interface FakeIteration {
  id: number;
  source: string;
  target: string;
  common?: string;
}

export interface FakeChange {
  path: string;
  changeType: string;
  changeTrackingId: number;
  originalPath?: string;
}

export interface FakeThread {
  id: number;
  status: string;
  isDeleted: boolean;
  threadContext?: { filePath: string; rightFileStart: { line: number; offset: number }; rightFileEnd: { line: number; offset: number } };
  pullRequestThreadContext?: { iterationContext?: { firstComparingIteration: number; secondComparingIteration: number }; changeTrackingId?: number };
  properties: Record<string, { $type: string; $value: unknown }>;
  comments: { id: number; parentCommentId: number; content: string; commentType: string; author: { displayName: string } }[];
}

export interface FakeStatus {
  id: number;
  state: string;
  description?: string;
  context: { genre?: string; name: string };
  targetUrl?: string;
  iterationId?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

export interface FakeState {
  pullRequestId: number;
  token: string;
  /** `ok`; `forbidden`: reads work, writes get 403 TF401027; `unauthorized`: everything gets 401. */
  mode: 'ok' | 'forbidden' | 'unauthorized';
  iterations: FakeIteration[];
  /** Changes of the latest iteration. */
  changes: FakeChange[];
  /** At most this many change entries per page, whatever `$top` asks. */
  changesPageMax: number;
  /** Diff blocks per path (leading `/`) for "Get File Diffs". */
  fileDiffs: Record<string, { changeType: string; modifiedLineNumberStart: number; modifiedLinesCount: number; originalLineNumberStart: number; originalLinesCount: number }[]>;
  threads: FakeThread[];
  statuses: FakeStatus[];
  requests: RecordedRequest[];
}

const THREAD_STATUS = ['unknown', 'active', 'fixed', 'wontFix', 'closed', 'byDesign', 'pending'];
const STATUS_STATE = ['notSet', 'pending', 'succeeded', 'failed', 'error', 'notApplicable', 'partiallySucceeded'];

function enumName(v: unknown, names: string[]): string | undefined {
  if (typeof v === 'number') return names[v];
  if (typeof v === 'string') return names.find((n) => n.toLowerCase() === v.toLowerCase());
  return undefined;
}

const PR = '{project}/_apis/{area}/repositories/{repositoryId}/pullRequests/{pullRequestId}';
function loc(id: string, area: string, resourceName: string, routeTemplate: string, maxVersion = '7.2') {
  return { id, area, resourceName, routeTemplate, resourceVersion: 2, minVersion: '1.0', maxVersion, releasedVersion: '7.1' };
}
/** Location ids as azure-devops-node-api's GitApi / LocationsApi request them. */
const LOCATIONS: Record<string, ReturnType<typeof loc>[]> = {
  location: [loc(LOCATION_AREA_RESOURCE_AREAS, 'Location', 'ResourceAreas', '_apis/{resource}/{areaId}')],
  git: [
    loc('d43911ee-6958-46b0-a42b-8445b8a0d004', 'git', 'pullRequestIterations', `${PR}/iterations/{iterationId}`),
    loc('4216bdcf-b6b1-4d59-8b82-c34cc183fc8b', 'git', 'pullRequestIterationChanges', `${PR}/iterations/{iterationId}/changes`),
    loc('c4c5a7e6-e9f3-4730-a92b-84baacff694b', 'git', 'fileDiffs', '{project}/_apis/{area}/repositories/{repositoryId}/diffs/files'),
    loc('ab6e2e5d-a0b7-4153-b64a-a4efe0d49449', 'git', 'pullRequestThreads', `${PR}/threads/{threadId}`),
    loc('965a3ec7-5ed8-455a-bdcb-835a5ea7fe7b', 'git', 'pullRequestThreadComments', `${PR}/threads/{threadId}/comments/{commentId}`),
    loc('b5f6bb4f-8d1e-4d79-8d11-4c9172c99c35', 'git', 'pullRequestStatuses', `${PR}/statuses/{statusId}`),
  ],
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly typeKey = 'InvalidArgumentValueException',
  ) {
    super(message);
  }
}

export interface FakeAzureDevOps {
  /** Collection URL to give the task (`System.CollectionUri`), with a trailing `/`. */
  url: string;
  state: FakeState;
  close(): Promise<void>;
}

/** Starts the fake server on 127.0.0.1 with a random port. */
export async function startFakeAzureDevOps(init: Partial<FakeState> & Pick<FakeState, 'iterations' | 'changes'>): Promise<FakeAzureDevOps> {
  const state: FakeState = { pullRequestId: 7, token: 'job-token', mode: 'ok', changesPageMax: 2, fileDiffs: {}, threads: [], statuses: [], requests: [], ...init };
  const server: Server = createServer((req, res) => {
    void handle(state, req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/org/`,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8; api-version=7.1', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function handle(state: FakeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const u = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const query: Record<string, string> = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  let body: unknown;
  try {
    body = await readBody(req);
  } catch {
    send(res, 400, { message: 'The request body is not valid JSON.', typeKey: 'InvalidArgumentValueException' });
    return;
  }
  const path = decodeURIComponent(u.pathname);
  state.requests.push({ method, path, query, body });
  try {
    if (state.mode === 'unauthorized' || req.headers.authorization !== `Bearer ${state.token}`) throw new HttpError(401, 'TF400813: The user is not authorized to access this resource.', 'UnauthorizedRequestException');
    if (method === 'OPTIONS') {
      const area = /^\/org\/_apis\/([^/]+)$/.exec(path)?.[1]?.toLowerCase();
      const value = area ? LOCATIONS[area] : undefined;
      if (!value) throw new HttpError(404, `No area ${area}`);
      send(res, 200, { count: value.length, value });
      return;
    }
    if (method === 'GET' && /^\/org\/_apis\/ResourceAreas\/?$/i.test(path)) {
      // On-premises style answer: no resource areas, every area lives at the collection URL.
      send(res, 200, { count: 0, value: [] });
      return;
    }
    const out = route(state, method, path, query, body, req.headers.accept);
    send(res, out.status, out.body);
  } catch (e) {
    if (e instanceof HttpError) send(res, e.status, { $id: '1', innerException: null, message: e.message, typeName: `Microsoft.TeamFoundation.${e.typeKey}`, typeKey: e.typeKey, errorCode: 0, eventId: 3000 });
    else send(res, 500, { message: String(e) });
  }
}

function requireApiVersion(query: Record<string, string>, accept: string | undefined): void {
  // azure-devops-node-api sends the version in the Accept header: `application/json;api-version=7.2-preview.1`.
  if (!query['api-version'] && !/api-version=\d/.test(accept ?? '')) throw new HttpError(400, 'No api-version was supplied for the request.', 'VssVersionNotSpecifiedException');
}

function latest(state: FakeState): FakeIteration {
  return state.iterations.reduce((a, b) => (b.id > a.id ? b : a));
}

function wireThread(t: FakeThread) {
  return { ...t, publishedDate: '2026-11-22T06:00:00.000Z', lastUpdatedDate: '2026-11-22T06:00:00.000Z' };
}

function write(state: FakeState): void {
  if (state.mode === 'forbidden') {
    throw new HttpError(403, "TF401027: You need the Git 'PullRequestContribute' permission to perform this action. Details: identity 'Build\\6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c', scope 'repository'.", 'GitNeedsPermissionException');
  }
}

function route(state: FakeState, method: string, path: string, query: Record<string, string>, body: unknown, accept: string | undefined): { status: number; body?: unknown } {
  const repoBase = `^/org/(?:${PROJECT_ID}|${PROJECT_NAME})/_apis/git/repositories/${REPOSITORY_ID}`;
  const m = (re: string) => new RegExp(`${repoBase}${re}/?$`, 'i').exec(path);
  requireApiVersion(query, accept);
  let r: RegExpExecArray | null;
  if (method === 'POST' && m('/diffs/files')) {
    const b = body as { baseVersionCommit?: string; targetVersionCommit?: string; fileDiffParams?: { path: string }[] };
    if (!b?.baseVersionCommit || !b.targetVersionCommit) throw new HttpError(400, 'baseVersionCommit and targetVersionCommit are required.');
    if (!b.fileDiffParams || b.fileDiffParams.length > 10) throw new HttpError(400, 'fileDiffParams: between 1 and 10 files.');
    return { status: 200, body: { count: b.fileDiffParams.length, value: b.fileDiffParams.map((p) => ({ path: p.path, originalPath: p.path, lineDiffBlocks: state.fileDiffs[p.path] ?? [] })) } };
  }
  if ((r = m('/pullRequests/(\\d+)(/.*)?')) && Number(r[1]) !== state.pullRequestId) throw new HttpError(404, `TF401180: The requested pull request was not found.`, 'GitPullRequestNotFoundException');
  if (method === 'GET' && m('/pullRequests/\\d+/iterations')) {
    const value = state.iterations.map((i) => ({ id: i.id, sourceRefCommit: { commitId: i.source }, targetRefCommit: { commitId: i.target }, commonRefCommit: { commitId: i.common ?? i.target } }));
    return { status: 200, body: { count: value.length, value } };
  }
  if (method === 'GET' && (r = m('/pullRequests/\\d+/iterations/(\\d+)/changes'))) {
    if (Number(r[1]) !== latest(state).id) throw new HttpError(400, 'This fake answers changes of the latest iteration only.');
    const top = Math.min(Number(query['$top'] ?? 100), state.changesPageMax);
    const skip = Number(query['$skip'] ?? 0);
    const page = state.changes.slice(skip, skip + top);
    const more = skip + top < state.changes.length;
    const changeEntries = page.map((c) => ({ changeTrackingId: c.changeTrackingId, changeId: c.changeTrackingId, item: { objectId: 'a'.repeat(40), path: c.path }, changeType: c.changeType, ...(c.originalPath ? { originalPath: c.originalPath } : {}) }));
    return { status: 200, body: more ? { changeEntries, nextSkip: skip + top, nextTop: top } : { changeEntries } };
  }
  if (method === 'GET' && m('/pullRequests/\\d+/threads')) {
    return { status: 200, body: { count: state.threads.length, value: state.threads.map(wireThread) } };
  }
  if (method === 'POST' && m('/pullRequests/\\d+/threads')) {
    write(state);
    const t = createThread(state, body as Record<string, unknown>);
    return { status: 200, body: wireThread(t) };
  }
  if (method === 'PATCH' && (r = m('/pullRequests/\\d+/threads/(\\d+)'))) {
    write(state);
    const t = state.threads.find((x) => x.id === Number(r![1]));
    if (!t) throw new HttpError(404, 'TF401181: The requested pull request comment thread was not found.');
    const b = body as { status?: unknown };
    if (b?.status !== undefined) {
      const s = enumName(b.status, THREAD_STATUS);
      if (!s) throw new HttpError(400, `Invalid thread status ${String(b.status)}.`);
      t.status = s;
    }
    return { status: 200, body: wireThread(t) };
  }
  if (method === 'PATCH' && (r = m('/pullRequests/\\d+/threads/(\\d+)/comments/(\\d+)'))) {
    write(state);
    const t = state.threads.find((x) => x.id === Number(r![1]));
    const c = t?.comments.find((x) => x.id === Number(r![2]));
    if (!t || !c) throw new HttpError(404, 'TF401182: The requested pull request comment was not found.');
    const content = (body as { content?: unknown })?.content;
    if (typeof content !== 'string') throw new HttpError(400, 'content is required.');
    c.content = content;
    return { status: 200, body: c };
  }
  if (method === 'POST' && m('/pullRequests/\\d+/statuses')) {
    write(state);
    const b = body as { state?: unknown; description?: string; context?: { genre?: string; name?: string }; targetUrl?: string; iterationId?: number };
    const st = enumName(b?.state, STATUS_STATE);
    if (!st) throw new HttpError(400, 'state is required.');
    if (!b.context?.name) throw new HttpError(400, 'context.name is required.');
    if (b.iterationId !== undefined && !state.iterations.some((i) => i.id === b.iterationId)) throw new HttpError(400, `Iteration ${b.iterationId} does not exist.`);
    const s: FakeStatus = { id: state.statuses.length + 1, state: st, description: b.description, context: { genre: b.context.genre, name: b.context.name }, targetUrl: b.targetUrl, iterationId: b.iterationId };
    state.statuses.push(s);
    return { status: 200, body: s };
  }
  throw new HttpError(404, `No route for ${method} ${path}`);
}

function createThread(state: FakeState, b: Record<string, unknown>): FakeThread {
  const comments = b['comments'] as { content?: unknown; parentCommentId?: number; commentType?: unknown }[] | undefined;
  if (!Array.isArray(comments) || comments.length === 0 || typeof comments[0]!.content !== 'string') throw new HttpError(400, 'A thread needs at least one comment.');
  const ctx = b['threadContext'] as FakeThread['threadContext'] | undefined;
  const prCtx = b['pullRequestThreadContext'] as FakeThread['pullRequestThreadContext'] | undefined;
  const last = latest(state);
  if (ctx) {
    if (!ctx.filePath?.startsWith('/')) throw new HttpError(400, `The thread file path ${ctx.filePath} must start with '/'.`);
    const change = state.changes.find((c) => c.path === ctx.filePath && !/delete/i.test(c.changeType));
    if (!change) throw new HttpError(400, `TF401175: The file path ${ctx.filePath} is not part of the pull request.`, 'GitPullRequestInvalidThreadContextException');
    for (const p of [ctx.rightFileStart, ctx.rightFileEnd]) {
      if (!p || !Number.isInteger(p.line) || p.line < 1 || !Number.isInteger(p.offset) || p.offset < 1) throw new HttpError(400, 'rightFileStart/rightFileEnd need a line and an offset, both 1 or more.');
    }
    if (ctx.rightFileEnd.line < ctx.rightFileStart.line) throw new HttpError(400, 'rightFileEnd is before rightFileStart.');
    const it = prCtx?.iterationContext;
    if (it && (it.firstComparingIteration < 1 || it.secondComparingIteration > last.id || it.firstComparingIteration > it.secondComparingIteration)) throw new HttpError(400, 'Invalid iteration context.');
    if (prCtx?.changeTrackingId !== undefined && prCtx.changeTrackingId !== change.changeTrackingId) throw new HttpError(400, `Change tracking id ${prCtx.changeTrackingId} is not the one of ${ctx.filePath}.`);
  }
  const properties: FakeThread['properties'] = { 'Microsoft.TeamFoundation.Discussion.SupportsMarkdown': { $type: 'System.Int32', $value: 1 } };
  for (const [k, v] of Object.entries((b['properties'] ?? {}) as Record<string, unknown>)) {
    if (v && typeof v === 'object' && '$value' in (v as object)) properties[k] = { $type: String((v as { $type?: unknown }).$type ?? 'System.String'), $value: (v as { $value: unknown }).$value };
    else if (v && typeof v === 'object' && 'value' in (v as object)) properties[k] = { $type: String((v as { type?: unknown }).type ?? 'System.String'), $value: (v as { value: unknown }).value };
    else properties[k] = { $type: typeof v === 'number' ? 'System.Int32' : 'System.String', $value: v };
  }
  const status = b['status'] === undefined ? 'active' : enumName(b['status'], THREAD_STATUS);
  if (!status) throw new HttpError(400, `Invalid thread status ${String(b['status'])}.`);
  const t: FakeThread = {
    id: state.threads.length + 1,
    status,
    isDeleted: false,
    properties,
    comments: comments.map((c, i) => ({ id: i + 1, parentCommentId: c.parentCommentId ?? 0, content: String(c.content), commentType: enumName(c.commentType, ['unknown', 'text', 'codeChange', 'system']) ?? 'text', author: { displayName: 'Network Build Service (org)' } })),
  };
  if (ctx) t.threadContext = ctx;
  if (prCtx) t.pullRequestThreadContext = prCtx;
  state.threads.push(t);
  return t;
}

/** Our finding threads (kind property `finding`), with the fingerprint unwrapped. */
export function findingThreads(state: FakeState): (FakeThread & { fingerprint: string })[] {
  return state.threads.filter((t) => t.properties['vnetPreflight.kind']?.$value === 'finding').map((t) => ({ ...t, fingerprint: String(t.properties['vnetPreflight.fingerprint']?.$value) }));
}

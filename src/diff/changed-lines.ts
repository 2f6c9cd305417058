/**
 * Lines added or changed by a pull request, on the new side of a unified diff (`git diff`, the
 * GitHub `patch` field, Azure Repos diffs). File keys are the new-side paths without the `b/`
 * prefix; line numbers are 1-based. Deleted files are absent; a file whose hunks only delete
 * lines maps to an empty set.
 */
export type ChangedLines = Map<string, Set<number>>;

/**
 * Parses a whole unified diff (possibly many files). Lines starting with `+` inside a hunk are
 * recorded at their new-side line; context lines advance the counter; `-` lines don't.
 * Tolerates CRLF, `\ No newline at end of file`, quoted paths and renames (`rename to`).
 */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const out: ChangedLines = new Map();
  let file: string | undefined;
  let newLine = 0;
  let oldLeft = 0;
  let newLeft = 0;
  let pendingRename: string | undefined;
  for (const line of diff.split(/\r?\n/)) {
    if (oldLeft > 0 || newLeft > 0) {
      // Inside a hunk: the header's counts say where it ends, so `+++`/`---` content lines are safe.
      if (line.startsWith('+')) {
        if (file !== undefined) out.get(file)!.add(newLine);
        newLine++;
        newLeft--;
      } else if (line.startsWith('-')) {
        oldLeft--;
      } else if (line.startsWith('\\')) {
        // "\ No newline at end of file"
      } else {
        newLine++;
        newLeft--;
        oldLeft--;
      }
      continue;
    }
    if (line.startsWith('diff --git ')) {
      file = undefined;
      pendingRename = undefined;
    } else if (line.startsWith('rename to ')) {
      pendingRename = unquote(line.slice('rename to '.length));
    } else if (line.startsWith('+++ ')) {
      const p = unquote(line.slice(4).replace(/\t.*$/, ''));
      file = p === '/dev/null' ? undefined : stripPrefix(p);
      if (file !== undefined && !out.has(file)) out.set(file, new Set());
    } else {
      const h = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!h) continue;
      if (file === undefined && pendingRename) {
        file = pendingRename;
        if (!out.has(file)) out.set(file, new Set());
      }
      oldLeft = h[1] === undefined ? 1 : Number(h[1]);
      newLine = Number(h[2]);
      newLeft = h[3] === undefined ? 1 : Number(h[3]);
    }
  }
  return out;
}

/**
 * Parses the `patch` of ONE file (GitHub's list-files `patch`: hunks without file headers).
 * Returns the set of added/changed new-side line numbers.
 */
export function parsePatch(patch: string): Set<number> {
  const m = parseUnifiedDiff(`+++ b/__patch__\n${patch}`);
  return m.get('__patch__') ?? new Set();
}

function stripPrefix(p: string): string {
  return p.startsWith('b/') ? p.slice(2) : p;
}

function unquote(p: string): string {
  const t = p.trim();
  if (t.startsWith('"') && t.endsWith('"')) {
    return t.slice(1, -1).replace(/\\(["\\])/g, '$1').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  }
  return t;
}

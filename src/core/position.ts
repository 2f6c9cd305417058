/**
 * A range in a source file. Lines and columns are 1-based; columns count UTF-16 code units
 * (a JS string index + 1); the end is exclusive. `file` is the display path: relative to the
 * run's working directory, with `/` separators (design.md, "Contracts").
 */
export interface SourceRange {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Maps string offsets (0-based UTF-16 indexes) of one file's text to 1-based line/column.
 * Built once per file; `rangeOf` is O(log lines).
 */
export class LineMap {
  private readonly starts: number[] = [0];

  /** @param file display path stored in every range produced. @param text the whole file text. */
  constructor(readonly file: string, text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 1-based { line, column } of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** Range of the text between 0-based offsets `start` (inclusive) and `end` (exclusive). */
  rangeOf(start: number, end: number): SourceRange {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/** A zero-width range at line 1, column 1 of a file: for findings about a whole file. */
export function fileStart(file: string): SourceRange {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * GitHub platform limits the sinks respect (design.md, "Platform facts"; GitHub REST docs).
 */

/** Check runs: at most 50 annotations per create/update request; more requests append. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
/** Check runs: `output.summary` / `output.text` at most 65,535 characters. */
export const CHECK_RUN_TEXT_MAX_CHARS = 65_535;
/** Our cap of review comments in one review (the rest are listed in the review body). */
export const MAX_REVIEW_COMMENTS = 30;
/** A step summary (`$GITHUB_STEP_SUMMARY`) is at most 1 MiB. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;
/** Workflow-command annotations: only 10 errors and 10 warnings (and notices) show per step. */
export const WORKFLOW_ANNOTATIONS_SHOWN_PER_SEVERITY = 10;
/** List pull request files: 100 per page, at most 3,000 files. */
export const PULL_FILES_PER_PAGE = 100;
export const PULL_FILES_MAX = 3000;
/** Review body limit (same as an issue comment), characters. */
export const REVIEW_BODY_MAX_CHARS = 65_536;

/** A parsed `##vso[command key=value;…]message` logging command (Azure Pipelines agent protocol). */
export interface VsoCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

function unescape(s: string): string {
  return s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%');
}

/** Every logging command in a task's stdout, in order. */
export function vsoCommands(stdout: string): VsoCommand[] {
  const out: VsoCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const i = line.indexOf('##vso[');
    if (i < 0) continue;
    const rest = line.slice(i + 6);
    const close = rest.indexOf(']');
    if (close < 0) continue;
    const head = rest.slice(0, close);
    const sp = head.indexOf(' ');
    const command = sp < 0 ? head : head.slice(0, sp);
    const properties: Record<string, string> = {};
    if (sp >= 0) {
      for (const kv of head.slice(sp + 1).split(';')) {
        const eq = kv.indexOf('=');
        if (eq > 0) properties[kv.slice(0, eq).trim()] = unescape(kv.slice(eq + 1));
      }
    }
    out.push({ command, properties, message: unescape(rest.slice(close + 1)) });
  }
  return out;
}

/** The task's result (`task.complete`), issues it logged (`task.logissue`) and warnings (`task.issue type=warning`). */
export function taskOutcome(stdout: string) {
  const cmds = vsoCommands(stdout);
  const complete = cmds.filter((c) => c.command === 'task.complete').pop();
  return {
    result: complete?.properties['result'],
    resultMessage: complete?.message,
    logIssues: cmds.filter((c) => c.command === 'task.logissue'),
    /** Warnings, without the one `setResult(SucceededWithIssues, message)` logs for the result itself. */
    warnings: cmds.filter((c) => c.command === 'task.issue' && c.properties['type'] === 'warning' && c.message !== complete?.message).map((c) => c.message),
    summaries: cmds.filter((c) => c.command === 'task.uploadsummary').map((c) => c.message),
    variables: Object.fromEntries(cmds.filter((c) => c.command === 'task.setvariable').map((c) => [c.properties['variable'], c.message])),
  };
}

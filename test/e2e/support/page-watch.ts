import type { BrowserContext, Page } from 'playwright-core';

/** One observed state of the waiting page: `data-phase` on <body> and the step list's `data-state`s. */
export interface PhaseSnapshot {
  /** Date.now() when the page reported it. */
  at: number;
  url: string;
  phase: string;
  /** The step marked `now` (asleep | starting | checking | ready), or '' when none is. */
  step: string;
  states: string;
  /** The <h1> text at that moment (render() sets it before the observer's microtask runs). */
  heading: string;
}

type ReportBody = { kind: 'csp'; text: string } | { kind: 'phase'; phase: string; states: string[]; heading: string };
/** `id` is unique per report (document stamp + counter); `at` is the page's Date.now(). */
type Report = { id: string; at: number; url: string } & ReportBody;
type Reporter = (report: Report) => void;

/**
 * Runs in every page before its own scripts (CDP, so the page's CSP does not apply to it). It only reads:
 * CSP violation events, and each change of the attributes the waiting page renders its progress into.
 *
 * Every report is also journalled in sessionStorage and the next document of the tab sends the journal again.
 * Playwright drops a binding call whose document is already gone, and the waiting page paints "ready" in the
 * same task that navigates to the meeting; on a busy machine that last report was lost (a CI run failed on it).
 * The watcher keeps each report id once, so the replay only fills gaps.
 */
function installProbes(): void {
  const send = (window as unknown as { __e2eReport: Reporter }).__e2eReport;
  const KEY = '__e2eJournal';
  const doc = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  let n = 0;
  const journal = (): Report[] => { try { return JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as Report[]; } catch { return []; } };
  const report = (body: ReportBody) => {
    const full = { ...body, id: `${doc}-${n++}`, at: Date.now(), url: location.href } as Report;
    try { sessionStorage.setItem(KEY, JSON.stringify([...journal(), full].slice(-500))); } catch { /* storage blocked: live reports only */ }
    send(full);
  };
  for (const earlier of journal()) send(earlier);
  document.addEventListener('securitypolicyviolation', (e) => {
    report({ kind: 'csp', text: `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}` });
  });
  const snapshot = () => {
    if (!document.body?.hasAttribute('data-phase')) return;
    const states = Array.from(document.querySelectorAll('li[data-state]'), (li) => `${li.id.replace(/^step-/, '')}=${li.getAttribute('data-state')}`);
    report({ kind: 'phase', phase: document.body.dataset.phase ?? '', states, heading: document.querySelector('h1')?.textContent ?? '' });
  };
  new MutationObserver(snapshot).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-phase', 'data-state'] });
}

/**
 * Watches a browser context for everything the CSP requirement forbids (console errors, page errors, CSP
 * violations, failed or blocked requests, requests to another origin) and records the waiting page's phases.
 */
export async function watchContext(context: BrowserContext, origin: string) {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const failedRequests: string[] = [];
  const requests: string[] = [];
  const reports: PhaseSnapshot[] = [];
  const seen = new Set<string>();

  await context.exposeBinding('__e2eReport', (_source, report: Report) => {
    if (seen.has(report.id)) return;
    seen.add(report.id);
    if (report.kind === 'csp') { cspViolations.push(report.text); return; }
    const now = report.states.find((s) => s.endsWith('=now'));
    const snap = { at: report.at, url: report.url, phase: report.phase, step: now ? now.split('=')[0]! : '', states: report.states.join(' '), heading: report.heading };
    // A replayed report arrives late: keep the list in the order the pages saw.
    const after = reports.findLastIndex((r) => r.at <= snap.at);
    reports.splice(after + 1, 0, snap);
  });
  await context.addInitScript(installProbes);
  const distinct = () => reports.filter((r, i) => i === 0 || r.phase !== reports[i - 1]!.phase || r.states !== reports[i - 1]!.states || r.url !== reports[i - 1]!.url);
  context.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${m.text()} [${m.location().url || '?'} on page ${m.page()?.url() ?? '?'}]`); });
  context.on('weberror', (e) => pageErrors.push(String(e.error())));
  context.on('requestfailed', (r) => failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  context.on('request', (r) => requests.push(r.url()));

  return {
    /** The page states in the order seen, each one once (a repeat of the same state at the same URL is dropped). */
    get snapshots(): PhaseSnapshot[] { return distinct(); },
    requests,
    /** Distinct `phase(step)` entries in the order seen, e.g. `asleep(asleep) → waking(starting) → …`. */
    sequence: () => distinct().map((s) => `${s.phase}(${s.step})`).filter((s, i, all) => i === 0 || s !== all[i - 1]),
    /** Every CSP-requirement breach seen so far, as readable lines (empty when all is well). */
    problems: () => [
      ...consoleErrors.map((e) => `console error: ${e}`),
      ...pageErrors.map((e) => `page error: ${e}`),
      ...cspViolations.map((e) => `CSP violation: ${e}`),
      ...failedRequests.map((e) => `request failed or blocked: ${e}`),
      ...requests.filter((u) => !sameOrigin(u, origin)).map((u) => `request to another origin: ${u}`),
    ],
  };
}

export type ContextWatch = Awaited<ReturnType<typeof watchContext>>;

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}

/** The waiting page's step order; a phase sequence may skip steps but never go back within one visit. */
export const STEP_ORDER = ['asleep', 'starting', 'checking', 'ready'];

/** Every URL the page's main frame navigates to from now on, in order (filled as it happens). */
export function mainFrameNavigations(page: Page): string[] {
  const urls: string[] = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) urls.push(frame.url()); });
  return urls;
}

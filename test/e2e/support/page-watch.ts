import type { BrowserContext } from 'playwright-core';

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

type Report = { kind: 'csp'; text: string } | { kind: 'phase'; phase: string; states: string[]; heading: string };
type Reporter = (report: Report) => void;

/**
 * Runs in every page before its own scripts (CDP, so the page's CSP does not apply to it). It only reads:
 * CSP violation events, and each change of the attributes the waiting page renders its progress into.
 */
function installProbes(): void {
  const report = (window as unknown as { __e2eReport: Reporter }).__e2eReport;
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
  const snapshots: PhaseSnapshot[] = [];

  await context.exposeBinding('__e2eReport', ({ page }, report: Report) => {
    if (report.kind === 'csp') { cspViolations.push(report.text); return; }
    const now = report.states.find((s) => s.endsWith('=now'));
    const snap = { at: Date.now(), url: page.url(), phase: report.phase, step: now ? now.split('=')[0]! : '', states: report.states.join(' '), heading: report.heading };
    const last = snapshots.at(-1);
    if (last && last.phase === snap.phase && last.states === snap.states && last.url === snap.url) return;
    snapshots.push(snap);
  });
  await context.addInitScript(installProbes);
  context.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${m.text()} [${m.location().url || '?'} on page ${m.page()?.url() ?? '?'}]`); });
  context.on('weberror', (e) => pageErrors.push(String(e.error())));
  context.on('requestfailed', (r) => failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  context.on('request', (r) => requests.push(r.url()));

  return {
    snapshots,
    requests,
    /** Distinct `phase(step)` entries in the order seen, e.g. `asleep(asleep) → waking(starting) → …`. */
    sequence: () => snapshots.map((s) => `${s.phase}(${s.step})`).filter((s, i, all) => i === 0 || s !== all[i - 1]),
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

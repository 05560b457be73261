// An accessibility scan with axe-core (WCAG 2 A and AA) of what the page shows now. axe is evaluated
// through the DevTools protocol, so the page's strict CSP stays as it is.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The violations as readable lines (empty when the screen passes). */
export async function scanAccessibility(page: Page, screen: string): Promise<string[]> {
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations;
  });
  return (violations as Violation[]).flatMap((v) =>
    v.nodes.map((n) => `${screen}: ${v.id} (${v.help}) at ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  );
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, request, type Page } from '@playwright/test';
import { gatewayUrl, TARGET } from './platform';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The demo users' password on the dev issuer's sign-in page. */
export const PASSWORD = 'demo';

/**
 * Signs in as a person does: the home page's button, the identity provider's page (identifier,
 * password and, for an association's member, the association), back on Passerelle's home page.
 */
export async function signIn(page: Page, username: string, association?: string) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Se connecter à Passerelle' })).toBeVisible();
  await checkScreenOnce(page, 'connexion');
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  if (association) {
    await page.getByLabel('Association pour laquelle vous agissez').selectOption({ label: association });
    await checkScreenOnce(page, 'connexion-association');
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Bonjour' })).toBeVisible();
  await expect(page.getByText(`${username} –`)).toBeVisible();
}

/** The screens already checked in this run, by name. */
const checked = new Set<string>();

/**
 * {@link checkScreen} the first time this run shows the screen `name`: the sign-in page is the same
 * for every person, and each test signs in.
 */
async function checkScreenOnce(page: Page, name: string) {
  if (!checked.has(name)) {
    await checkScreen(page, name);
    checked.add(name);
  }
}

/**
 * What every screen must pass: axe-core, in the page, finds no serious or critical violation; and
 * the screen is saved as a picture under target/screenshots.
 */
export async function checkScreen(page: Page, name: string) {
  await page.screenshot({ path: join(TARGET, 'screenshots', `${name}.png`), fullPage: true });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const results = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return results.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      targets: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')),
    }));
  });
  const serious = violations.filter(
    (v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious, `accessibility of ${name}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

/** A dev issuer's access token for a demo user, as a machine client gets it. */
export async function tokenOf(user: string, association?: string) {
  const anonymous = await request.newContext({ baseURL: gatewayUrl() });
  const issued = await anonymous.post(
    `/dev/tokens?user=${user}${association ? `&association=${association}` : ''}`,
  );
  expect(issued.ok()).toBeTruthy();
  const token = (await issued.json()).access_token as string;
  await anonymous.dispose();
  return token;
}

/** A machine client of the public API, with a dev issuer's token: to prepare what a test reads. */
export async function apiAs(user: string, association?: string) {
  return request.newContext({
    baseURL: gatewayUrl(),
    extraHTTPHeaders: { Authorization: `Bearer ${await tokenOf(user, association)}` },
  });
}

// Today in France, where the platform's users are and whose date it checks: not the test runner's
// UTC date, which is the day before from midnight to 1 in the morning in France (2 in summer).
export const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** The day {@code days} after today in France (before it when negative), as YYYY-MM-DD. */
export const daysFromToday = (days: number) => {
  const day = new Date(`${today()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

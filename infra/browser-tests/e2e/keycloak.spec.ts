import { expect, request, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkScreen } from './people';
import { PORTS, ROOT, TARGET } from './platform';

/**
 * The documented Keycloak realm (infra/keycloak/passerelle-realm.json), imported into a real
 * Keycloak 26 started here as a local process (Maven Central's distribution, on the machine's
 * Temurin 25), in front of a gateway that trusts it: a person signs in on Keycloak's page and comes
 * back to Passerelle with the roles and départements the realm's mappers put in the access token;
 * signing out ends the Keycloak session too.
 */
const offset = Number(process.env.PASSERELLE_TEST_PORT_OFFSET ?? '0') || 0;
const KEYCLOAK_PORT = 18290 + offset;
const GATEWAY_PORT = 18289 + offset;
const KEYCLOAK = `http://127.0.0.1:${KEYCLOAK_PORT}`;
const GATEWAY = `http://127.0.0.1:${GATEWAY_PORT}`;
const JAVA_21_OR_NEWER = '/usr/lib/jvm/temurin-25-jdk-amd64';
const ADMIN_PASSWORD = randomBytes(18).toString('base64url');
const CLIENT_SECRET = randomBytes(24).toString('base64url');
const PERSON = { username: 'analyste.national', password: randomBytes(12).toString('base64url') };

const started: ChildProcess[] = [];

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT) {
  const log = openSync(join(TARGET, `${name}.log`), 'w');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', log, log] });
  started.push(child);
  return child;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        return;
      }
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s (see target/*.log)`);
}

test.describe('signing in with Keycloak', () => {
  test.beforeAll(async () => {
    test.setTimeout(8 * 60_000);
    if (!existsSync(join(JAVA_21_OR_NEWER, 'bin', 'java'))) {
      throw new Error(`Keycloak 26 needs Java 21 or newer: ${JAVA_21_OR_NEWER} is missing`);
    }
    const unpacked = join(TARGET, 'keycloak');
    const home = readdirSync(unpacked).find((entry) => entry.startsWith('keycloak-'));
    if (!home) {
      throw new Error(`no Keycloak distribution under ${unpacked}: run the tests through Maven (pre-integration-test unpacks it)`);
    }
    const keycloakHome = join(unpacked, home);
    rmSync(join(keycloakHome, 'data'), { recursive: true, force: true });
    mkdirSync(join(keycloakHome, 'data', 'import'), { recursive: true });
    copyFileSync(join(ROOT, 'infra', 'keycloak', 'passerelle-realm.json'), join(keycloakHome, 'data', 'import', 'passerelle-realm.json'));
    start(
      'keycloak',
      'bash',
      [join(keycloakHome, 'bin', 'kc.sh'), 'start-dev', `--http-port=${KEYCLOAK_PORT}`, '--http-host=127.0.0.1', '--import-realm'],
      {
        JAVA_HOME: JAVA_21_OR_NEWER,
        KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
        PASSERELLE_PUBLIC_URL: GATEWAY,
        PASSERELLE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      },
      keycloakHome,
    );
    // The gateway discovers Keycloak on first use: both start at once.
    const issuer = `${KEYCLOAK}/realms/passerelle`;
    start(
      'gateway-keycloak',
      'java',
      ['-XX:+UseSerialGC', '-Xmx256m', '-jar', join(ROOT, 'gateway', 'gateway-app', 'target', 'gateway-app-0.1.0-SNAPSHOT-exec.jar')],
      {
        SERVER_PORT: String(GATEWAY_PORT),
        SERVER_ADDRESS: '127.0.0.1',
        PASSERELLE_JWT_ISSUER: issuer,
        PASSERELLE_JWT_JWK_SET_URI: `${issuer}/protocol/openid-connect/certs`,
        PASSERELLE_OIDC_CLIENT_ID: 'passerelle-gateway',
        PASSERELLE_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        PASSERELLE_SESSION_COOKIE_SECURE: 'false',
        DOSSIER_SERVICE_URL: `http://127.0.0.1:${PORTS.dossier}`,
        DECISION_SERVICE_URL: `http://127.0.0.1:${PORTS.decision}`,
        BENEFITS_SERVICE_URL: `http://127.0.0.1:${PORTS.benefits}`,
        REPORTING_SERVICE_URL: `http://127.0.0.1:${PORTS.reporting}`,
      },
    );
    await until('Keycloak', async () => (await fetch(`${issuer}/.well-known/openid-configuration`)).ok, 6 * 60_000);
    await createPerson();

    await until('the gateway', async () => (await fetch(`${GATEWAY}/actuator/health/readiness`)).ok, 3 * 60_000);
  });

  test.afterAll(async () => {
    for (const child of started.reverse()) {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      }
    }
  });

  test('an analyst signs in on Keycloak’s page and comes back with the realm’s roles and départements', async ({ page }) => {
    await page.goto(GATEWAY);
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(new RegExp(`^${KEYCLOAK}/realms/passerelle/protocol/openid-connect/auth\\?.*code_challenge_method=S256`));
    await page.screenshot({ path: join(TARGET, 'screenshots', 'keycloak-connexion.png'), fullPage: true });
    await page.locator('#username').fill(PERSON.username);
    await page.locator('#password').fill(PERSON.password);
    await page.locator('#kc-login').click();

    await expect(page.getByRole('heading', { name: 'Bonjour' })).toBeVisible();
    await expect(page.getByText(`${PERSON.username} – Ministère – analyse nationale`)).toBeVisible();
    await expect(page.getByText('(tous les départements)', { exact: false })).toBeVisible();
    const menu = page.getByRole('navigation', { name: 'Menu principal' });
    await expect(menu.getByRole('link', { name: 'Bilan national' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Dossiers' })).toHaveCount(0);
    const session = await (await page.request.get(`${GATEWAY}/web/session`)).json();
    expect(session).toMatchObject({ signedIn: true, roles: ['ANALYST'], departements: ['*'] });
    await checkScreen(page, 'keycloak-accueil');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await expect(page.locator('#username')).toBeVisible();
  });
});

/** A person of the realm, made as an administrator would: the ANALYST role, the group "*". */
async function createPerson() {
  const keycloak = await request.newContext({ baseURL: KEYCLOAK });
  const token = (
    await (
      await keycloak.post('/realms/master/protocol/openid-connect/token', {
        form: { grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: ADMIN_PASSWORD },
      })
    ).json()
  ).access_token as string;
  const admin = await request.newContext({ baseURL: `${KEYCLOAK}/admin/realms/passerelle/`, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const created = await admin.post('users', {
    data: {
      username: PERSON.username,
      enabled: true,
      emailVerified: true,
      firstName: 'Analyste',
      lastName: 'National',
      email: 'analyste.national@example.org',
      credentials: [{ type: 'password', value: PERSON.password, temporary: false }],
    },
  });
  expect(created.status()).toBe(201);
  const id = ((await (await admin.get(`users?username=${PERSON.username}&exact=true`)).json()) as { id: string }[])[0].id;
  const role = await (await admin.get('roles/ANALYST')).json();
  expect((await admin.post(`users/${id}/role-mappings/realm`, { data: [role] })).status()).toBe(204);
  const groups = (await (await admin.get('groups?search=*&exact=true&max=200')).json()) as { id: string; name: string }[];
  const national = groups.find((group) => group.name === '*')!;
  expect((await admin.put(`users/${id}/groups/${national.id}`)).status()).toBe(204);
  await admin.dispose();
  await keycloak.dispose();
}

import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The platform under test: the acceptance tests' when they run these tests (RUNNING), otherwise one
 * started the way a developer starts it (`./passerelle up --dev-issuer`), with the Haute-Garonne
 * year loaded, in its own run directory and on ports of its own: the acceptance tests' scheme
 * shifted by 200, plus PASSERELLE_TEST_PORT_OFFSET when set.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..', '..', '..');
export const TARGET = resolve(here, '..', 'target');
const RUN_DIR = join(TARGET, 'platform-run');
const COMMAND_LOG = join(TARGET, 'passerelle-command.log');

const offset = Number(process.env.PASSERELLE_TEST_PORT_OFFSET ?? '0') || 0;

/**
 * Whether the tests use a platform already running, and start none: the acceptance tests' (their
 * BrowserIT sets PASSERELLE_E2E_PLATFORM=running, with the platform's ports in the variables
 * `passerelle` reads them from).
 */
export const RUNNING = process.env.PASSERELLE_E2E_PLATFORM === 'running';

/** The running platform's port in `variable`, or the port of the platform these tests start. */
function port(variable: string, own: number) {
  if (!RUNNING) {
    return own + offset;
  }
  const given = Number(process.env[variable]);
  if (!Number.isInteger(given) || given <= 0) {
    throw new Error(`PASSERELLE_E2E_PLATFORM=running needs the platform's ports: ${variable} is '${process.env[variable] ?? ''}'`);
  }
  return given;
}

export const PORTS = {
  gateway: port('PASSERELLE_GATEWAY_PORT', 18280),
  dossier: port('PASSERELLE_DOSSIER_PORT', 18281),
  decision: port('PASSERELLE_DECISION_PORT', 18282),
  benefits: port('PASSERELLE_BENEFITS_PORT', 18283),
  reporting: port('PASSERELLE_REPORTING_PORT', 18284),
  postgres: 25632 + offset,
  kafka: 29292 + offset,
  kafkaController: 29293 + offset,
};

export const gatewayUrl = () => `http://127.0.0.1:${PORTS.gateway}`;

function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Always the embedded PostgreSQL, the local Kafka and the dev issuer, whatever the shell says.
  for (const external of [
    'PASSERELLE_POSTGRES_URL',
    'PASSERELLE_POSTGRES_USER',
    'PASSERELLE_POSTGRES_PASSWORD',
    'PASSERELLE_KAFKA_BOOTSTRAP_SERVERS',
    'PASSERELLE_JWT_ISSUER',
    'PASSERELLE_JWT_JWK_SET_URI',
    'PASSERELLE_DEV_ISSUER',
    'PASSERELLE_OIDC_CLIENT_ID',
    'PASSERELLE_OIDC_CLIENT_SECRET',
  ]) {
    delete env[external];
  }
  return {
    ...env,
    PASSERELLE_RUN_DIR: RUN_DIR,
    PASSERELLE_GATEWAY_PORT: String(PORTS.gateway),
    PASSERELLE_DOSSIER_PORT: String(PORTS.dossier),
    PASSERELLE_DECISION_PORT: String(PORTS.decision),
    PASSERELLE_BENEFITS_PORT: String(PORTS.benefits),
    PASSERELLE_REPORTING_PORT: String(PORTS.reporting),
    PASSERELLE_POSTGRES_PORT: String(PORTS.postgres),
    PASSERELLE_KAFKA_PORT: String(PORTS.kafka),
    PASSERELLE_KAFKA_CONTROLLER_PORT: String(PORTS.kafkaController),
  };
}

/** Runs `./passerelle <args>`, its output appended to target/passerelle-command.log. */
export function passerelle(args: string[], timeoutMs: number, extra: NodeJS.ProcessEnv = {}) {
  mkdirSync(TARGET, { recursive: true });
  appendFileSync(COMMAND_LOG, `\n$ passerelle ${args.join(' ')}\n`);
  const result = spawnSync(join(ROOT, 'passerelle'), args, {
    cwd: ROOT,
    env: { ...environment(), ...extra },
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGTERM',
  });
  appendFileSync(COMMAND_LOG, (result.stdout ?? '') + (result.stderr ?? ''));
  if (result.status !== 0) {
    throw new Error(
      `'passerelle ${args.join(' ')}' failed (exit ${result.status ?? result.signal}); its output:\n` +
        (result.stdout ?? '') +
        (result.stderr ?? ''),
    );
  }
  return result.stdout;
}

/** An empty run directory: whatever an aborted run left is stopped and deleted first. */
export function freshRunDirectory() {
  if (existsSync(RUN_DIR)) {
    passerelle(['down'], 120_000);
    rmSync(RUN_DIR, { recursive: true, force: true });
  }
}

import { freshRunDirectory, gatewayUrl, passerelle, RUNNING } from './platform';

async function ready() {
  try {
    return (await fetch(`${gatewayUrl()}/actuator/health/readiness`)).ok;
  } catch {
    return false;
  }
}

/**
 * Uses the platform the acceptance tests started (PASSERELLE_E2E_PLATFORM=running). Otherwise
 * starts the platform with the dev issuer and the demonstration year, and stops it after the last
 * test, whatever happened (Playwright runs the returned teardown, and `down` stops exactly what
 * `up` started).
 */
export default async function globalSetup() {
  if (RUNNING) {
    // The acceptance tests' platform, the Haute-Garonne year loaded: they stop it.
    if (!(await ready())) {
      throw new Error(`PASSERELLE_E2E_PLATFORM=running, but no platform is ready at ${gatewayUrl()}`);
    }
    console.log(`using the platform running at ${gatewayUrl()}`);
    return async () => undefined;
  }
  if (process.env.PASSERELLE_E2E_REUSE === '1' && (await ready())) {
    // While writing tests: a platform started earlier by these tests' command, left running.
    console.log('reusing the platform already running on these ports');
    return async () => undefined;
  }
  const started = Date.now();
  freshRunDirectory();
  let up = false;
  const stop = () => {
    if (up) {
      up = false;
      passerelle(['down'], 120_000);
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  up = true;
  try {
    passerelle(['up', '--dev-issuer'], 15 * 60_000);
  } catch (error) {
    stop();
    throw error;
  }
  console.log(`platform up with the Haute-Garonne year in ${Math.round((Date.now() - started) / 1000)} s`);
  return async () => stop();
}

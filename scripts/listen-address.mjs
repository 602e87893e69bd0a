// Which address `npm start` listens on. HOST decides when it is set. Otherwise, like
// `next start`, every interface, except when TRUST_PROXY says a proxy stands in front:
// then only loopback, because the app believes X-Forwarded-For, and a visitor reaching
// the port directly could write any address there and get a fresh guest quota each time.

/** @param {Record<string, string | undefined>} environment */
export function listenAddress(environment) {
  if (environment.HOST) return environment.HOST;
  return trustsProxy(environment.TRUST_PROXY) ? "127.0.0.1" : "0.0.0.0";
}

/** TRUST_PROXY as lib/env.ts reads it: "true" or a count above zero. */
function trustsProxy(value = "") {
  return value === "true" || Number(value) > 0;
}

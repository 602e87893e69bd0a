/** Which address `npm start` listens on (see listen-address.mjs). */
export function listenAddress(environment: Record<string, string | undefined>): string;

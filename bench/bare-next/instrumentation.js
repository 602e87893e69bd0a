// The baseline app has nothing to start; without this file Next.js takes the product's
// instrumentation.ts (and with it the product's database sweep) from the folder above.
export function register() {}

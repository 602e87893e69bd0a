// The baseline app's own, empty configuration. Without this file Next.js looks upward,
// finds the product's next.config.ts two folders up and builds the baseline with the
// product's settings, instrumentation and proxy (its server then ran the product's
// periodic job sweep against a database that did not exist).
export default {};

import "server-only";
import { getDb } from "./client";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function recordSignInFailure(keys: string[]): Promise<void> {
  const db = getDb();
  await db.signInFailure.createMany({ data: keys.map((key) => ({ key })) });
  await db.signInFailure.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - DAY_MS) } },
  });
}

export async function countSignInFailures(key: string, since: Date): Promise<number> {
  return getDb().signInFailure.count({ where: { key, createdAt: { gte: since } } });
}

export async function clearSignInFailures(key: string): Promise<void> {
  await getDb().signInFailure.deleteMany({ where: { key } });
}

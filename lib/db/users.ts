import "server-only";
import { getDb } from "./client";

export type PasswordUser = {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string | null;
};

export async function findUserByEmail(email: string): Promise<PasswordUser | undefined> {
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  return user?.email ? { ...user, email: user.email } : undefined;
}

/** Creates an email + password account; undefined when the email is already taken. */
export async function createPasswordUser(
  email: string,
  name: string | undefined,
  passwordHash: string,
): Promise<{ id: string } | undefined> {
  const existing = await getDb().user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return undefined;
  return getDb().user.create({ data: { email, name, passwordHash }, select: { id: true } });
}

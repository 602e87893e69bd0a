import "server-only";
import { getDb } from "./client";
import { Prisma } from "./generated/client";

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

/**
 * Creates an email + password account; undefined when the email is already taken. The
 * unique email decides, not a look-up first: of two sign-ups racing for one address,
 * the second insert fails on the constraint and gets the same answer as a late one.
 */
export async function createPasswordUser(
  email: string,
  name: string | undefined,
  passwordHash: string,
): Promise<{ id: string } | undefined> {
  try {
    return await getDb().user.create({
      data: { email, name, passwordHash },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/** A unique constraint failed (@prisma/adapter-pg reports it as Prisma's P2002 on both engines). */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

import bcrypt from "bcryptjs";

/** bcrypt cost 10: ~90 ms per hash on the project's machine, slow enough to resist guessing. */
export const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/**
 * Compared against when the email is unknown, so a wrong email takes as long as a wrong
 * password and response times do not reveal which accounts exist.
 */
export const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", BCRYPT_COST);

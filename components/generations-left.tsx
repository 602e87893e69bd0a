import Link from "next/link";

type Props = { limit: number; remaining: number; signedIn: boolean };

/** How many generations today's quota still allows, under the Generate button. */
export function GenerationsLeft({ limit, remaining, signedIn }: Props) {
  return (
    <p
      className="text-center text-sm text-slate-600 dark:text-slate-300"
      data-testid="generations-left"
      aria-live="polite"
    >
      {remaining > 0 ? (
        <>
          <strong className="font-semibold text-slate-800 dark:text-slate-200">{remaining}</strong>{" "}
          of {limit} {limit === 1 ? "generation" : "generations"} left today
        </>
      ) : (
        <>You have used today&apos;s {limit} generations</>
      )}
      {!signedIn && (
        <>
          {" · "}
          <Link
            href="/sign-up"
            className="font-medium text-violet-700 dark:text-violet-300 underline"
          >
            Create a free account
          </Link>{" "}
          for more
        </>
      )}
    </p>
  );
}

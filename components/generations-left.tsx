import Link from "next/link";

type Props = { limit: number; remaining: number; signedIn: boolean };

/** How many generations today's quota still allows, under the Generate button. */
export function GenerationsLeft({ limit, remaining, signedIn }: Props) {
  return (
    <p
      className="text-center text-sm text-slate-600"
      data-testid="generations-left"
      aria-live="polite"
    >
      {remaining > 0 ? (
        <>
          <strong className="font-semibold text-slate-800">{remaining}</strong> of {limit}{" "}
          {limit === 1 ? "generation" : "generations"} left today
        </>
      ) : (
        <>You have used today&apos;s {limit} generations</>
      )}
      {!signedIn && (
        <>
          {" · "}
          <Link href="/sign-up" className="font-medium text-violet-700 underline">
            Create a free account
          </Link>{" "}
          for more
        </>
      )}
    </p>
  );
}

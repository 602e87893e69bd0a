import { headers } from "next/headers";
import { z } from "zod";
import { LearningPathForm } from "@/components/learning-path-form";
import { OfflineLabel } from "@/components/offline-label";
import { auth } from "@/lib/auth";
import { SKILL_CATALOG } from "@/lib/catalog/skills";
import { env } from "@/lib/env";
import { ticketsLeftToday } from "@/lib/generation";
import { prefillFromQuery } from "@/lib/learning-path/prefill";

export const dynamic = "force-dynamic";

// Only names and categories go to the browser; the catalog's syllabi stay on the server.
const skills = SKILL_CATALOG.map(({ id, name, category }) => ({ id, name, category }));

/** A running job id, as /paths links it: `/?watch=<id>`. */
const watchSchema = z.string().regex(/^[\w-]{1,100}$/);

export default async function HomePage({ searchParams }: PageProps<"/">) {
  const userId = (await auth())?.user?.id;
  // Only a signed-in user can watch by id (their session proves the job is theirs).
  const query = await searchParams;
  const watch = watchSchema.safeParse(query.watch);
  const watchJobId = userId && watch.success ? watch.data : undefined;
  const ticketsLeft = await ticketsLeftToday({ headers: await headers(), userId });
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">What do you want to learn?</h1>
      <p className="mt-3 text-lg text-slate-600 dark:text-slate-300">
        Tell us your level, how you learn and how much time you have. You get a week-by-week path
        with milestones, resources and career insights, and you can watch it being built.
      </p>
      {!env.OPENAI_API_KEY && <OfflineLabel className="mt-5" />}
      <div className="mt-8">
        <LearningPathForm
          skills={skills}
          ticketsLeft={ticketsLeft}
          signedIn={Boolean(userId)}
          watchJobId={watchJobId}
          prefill={prefillFromQuery(query)}
        />
      </div>
    </div>
  );
}

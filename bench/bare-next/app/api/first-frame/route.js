// Figure 1's framework floor: a Next.js route handler that reads the JSON body and answers
// with one SSE frame, as the product's route does before any of its own work.
export const dynamic = "force-dynamic";

const FRAME = new TextEncoder().encode(
  'id: 1\nevent: progress\ndata: {"stage":"analyzing","progress":0}\n\n',
);

export async function POST(request) {
  await request.json();
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(FRAME);
      controller.close();
    },
  });
  return new Response(body, { headers: { "Content-Type": "text/event-stream" } });
}

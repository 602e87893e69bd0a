import { ImageResponse } from "next/og";
import { createElement, type ReactElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  SHARED_PATH_IMAGE_SIZE,
  SharedPathImage,
  sharedPathImageFacts,
} from "@/components/open-graph/shared-path-image";
import { imageText } from "@/lib/learning-path/image-text";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { collectEvents, request } from "../support/collect";

// The Open Graph picture of a shared link: model-written titles are cut to what fits and
// to what the bundled font draws, so drawing never reaches for a font on the internet.

let path: LearningPath;
beforeAll(async () => {
  const done = (await collectEvents(new OfflineProvider(), request({ durationWeeks: 5 }))).at(-1);
  if (done?.type !== "done") throw new Error("no path");
  path = done.path;
});

describe("imageText", () => {
  it("keeps Latin, accented and Cyrillic text and common punctuation", () => {
    expect(imageText("Café – “Déjà vu” … Ørsted, Việt, Привет", 100)).toBe(
      "Café – “Déjà vu” … Ørsted, Việt, Привет",
    );
  });

  it("leaves out characters the bundled font lacks (emoji, CJK, Arabic)", () => {
    expect(imageText("Learn 🚀 Rust 学习 عربى fast", 100)).toBe("Learn Rust fast");
    expect(imageText("学习中文", 100)).toBe("");
  });

  it("puts text on one line and cuts it with an ellipsis, at a word when one is near", () => {
    expect(imageText("A\nB\r\nC\u0000D", 100)).toBe("A B C D");
    const cut = imageText("word ".repeat(40), 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toMatch(/word…$/);
    expect(imageText("x".repeat(200), 30)).toBe(`${"x".repeat(29)}…`);
  });
});

describe("the shared path's picture", () => {
  it("says the title, weeks, hours a week and the number of milestones", () => {
    expect(sharedPathImageFacts(path)).toEqual({
      title: path.title,
      facts: ["5 weeks", `${path.hoursPerWeek} h / week`, `${path.milestones.length} milestones`],
    });
    const untitled = { ...path, title: "学习" };
    expect(sharedPathImageFacts(untitled).title).toBe("A shared learning path");
  });

  it("draws a PNG of the long, mixed-script title without fetching anything", async () => {
    const hostile = {
      ...path,
      title: `🚀 学习 ${"Supercalifragilistic".repeat(8)} <b>&amp;</b> ${"word ".repeat(40)}`,
    };
    const { png, fetched } = await drawWithoutNetwork(
      createElement(SharedPathImage, { path: hostile }),
    );
    expect([...png.slice(1, 4)].map((byte) => String.fromCharCode(byte)).join("")).toBe("PNG");
    expect(fetched).toEqual([]);
  });

  it("(control) next/og does reach for the network for text its font lacks", async () => {
    const { fetched } = await drawWithoutNetwork(createElement("div", null, "学习 🚀"));
    expect(fetched.length).toBeGreaterThan(0);
  });
});

/**
 * Draws `element` as next/og does in the app, with every network fetch refused and noted
 * (next/og loads its own WebAssembly from data: URLs, which are let through).
 */
async function drawWithoutNetwork(element: ReactElement) {
  const realFetch = globalThis.fetch;
  const fetched: string[] = [];
  const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith("data:")) return realFetch(input, init);
    fetched.push(url);
    throw new TypeError("network refused in this test");
  });
  const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const response = new ImageResponse(element, SHARED_PATH_IMAGE_SIZE);
    expect(response.headers.get("content-type")).toBe("image/png");
    // Without the filter, a refused emoji download even fails the whole picture.
    const png = await response.arrayBuffer().then(
      (bytes) => new Uint8Array(bytes),
      () => new Uint8Array(),
    );
    return { png, fetched };
  } finally {
    fetchSpy.mockRestore();
    quiet.mockRestore();
  }
}

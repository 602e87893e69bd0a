import { imageText } from "@/lib/learning-path/image-text";
import type { LearningPath } from "@/lib/learning-path/path-schema";

// The preview card a chat or social app shows for a shared link, drawn by next/og
// (Satori: inline styles only, flex layout, every element with children is a flex box).

export const SHARED_PATH_IMAGE_SIZE = { width: 1200, height: 630 };

const PRODUCT_NAME = "AI Learning Path Generator";

/** What the card says: the path's title and its size. Nothing about its owner or progress. */
export function sharedPathImageFacts(path: LearningPath) {
  const milestones = path.milestones.length;
  return {
    title: imageText(path.title, 90) || "A shared learning path",
    facts: [
      `${path.durationWeeks} ${path.durationWeeks === 1 ? "week" : "weeks"}`,
      `${path.hoursPerWeek} h / week`,
      `${milestones} ${milestones === 1 ? "milestone" : "milestones"}`,
    ],
  };
}

export function SharedPathImage({ path }: { path: LearningPath }) {
  const { title, facts } = sharedPathImageFacts(path);
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "linear-gradient(135deg, #2e1065 0%, #5b21b6 55%, #7c3aed 100%)",
        color: "#ffffff",
      }}
    >
      <div style={{ display: "flex", fontSize: 30, color: "#ddd6fe" }}>
        A learning path shared with you
      </div>
      <div
        style={{
          display: "flex",
          fontSize: title.length > 50 ? 60 : 72,
          lineHeight: 1.15,
          // A long word the model wrote (a URL, a name) wraps instead of running off the card.
          overflowWrap: "break-word",
          wordBreak: "break-word",
        }}
      >
        {title}
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 28 }}>
        <div style={{ display: "flex", gap: 16 }}>
          {facts.map((fact) => (
            <div
              key={fact}
              style={{
                display: "flex",
                padding: "10px 22px",
                borderRadius: 999,
                background: "rgba(255, 255, 255, 0.16)",
                fontSize: 30,
              }}
            >
              {fact}
            </div>
          ))}
        </div>
        <div style={{ display: "flex", fontSize: 28, color: "#ede9fe" }}>{PRODUCT_NAME}</div>
      </div>
    </div>
  );
}

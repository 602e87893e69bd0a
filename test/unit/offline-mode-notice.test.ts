import { describe, expect, it } from "vitest";
import { offlineModeNotice } from "@/lib/providers/offline-mode-notice";

describe("the start-up log's offline notice", () => {
  it("tells whoever runs the app how to enable AI when no API key is set", () => {
    expect(offlineModeNotice({ OPENAI_API_KEY: undefined })).toMatch(
      /set OPENAI_API_KEY .*restart/,
    );
  });

  it("says nothing when an API key is set", () => {
    expect(offlineModeNotice({ OPENAI_API_KEY: "sk-test" })).toBeUndefined();
  });
});

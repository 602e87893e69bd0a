import { describe, expect, it } from "vitest";
import { themeCookie, themeFrom } from "@/lib/theme";

describe("the remembered colour theme", () => {
  it("reads a chosen theme from its cookie, and anything else as the system's", () => {
    expect(themeFrom("dark")).toBe("dark");
    expect(themeFrom("light")).toBe("light");
    expect(themeFrom(undefined)).toBe("system");
    expect(themeFrom('dark" onload="alert(1)')).toBe("system");
  });

  it("remembers a choice for a year and forgets it when the system's setting is chosen", () => {
    expect(themeCookie("dark")).toBe("theme=dark; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(themeCookie("system")).toMatch(/^theme=system; Path=\/; Max-Age=0;/);
  });
});

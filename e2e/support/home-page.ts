import { expect, type Locator, type Page } from "@playwright/test";

/** The home page form and the progress dialog it opens. */
export class HomePage {
  readonly topic: Locator;
  readonly generate: Locator;
  readonly dialog: Locator;
  readonly progressBar: Locator;
  readonly message: Locator;
  readonly cancel: Locator;
  readonly streamedMilestones: Locator;
  readonly streamingToggle: Locator;

  constructor(readonly page: Page) {
    this.topic = page.getByLabel("What do you want to learn?");
    this.generate = page.getByTestId("generate-button");
    this.dialog = page.getByRole("dialog", { name: /^(Generating your|Your) learning path/ });
    this.progressBar = page.getByRole("progressbar");
    this.message = page.getByTestId("progress-message");
    this.cancel = page.getByTestId("cancel-generation");
    this.streamedMilestones = page.getByTestId("streamed-milestones").getByRole("listitem");
    this.streamingToggle = page.getByLabel("Enable real-time progress updates");
  }

  async open(baseUrl = ""): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await expect(this.generate).toBeEnabled();
  }

  async fill(topic: string, options: { weeks?: number; style?: string; goals?: string } = {}) {
    await this.topic.fill(topic);
    if (options.weeks) await this.page.getByLabel("Duration (weeks)").fill(String(options.weeks));
    if (options.style) await this.page.getByLabel(new RegExp(`^${options.style}`, "i")).check();
    if (options.goals) await this.page.getByLabel(/^Goals/).fill(options.goals);
  }

  async progress(): Promise<number> {
    return Number(await this.progressBar.getAttribute("aria-valuenow"));
  }
}

// How the browser talks to this site's API: one typed function per call, and one error
// (BrowserApiError) for every way a call can fail. Client-safe: nothing here reaches for
// server-only code. The generation stream's frames are read by lib/sse/read.ts.

export {
  fetchPathVersion,
  fetchPathVersions,
  type MilestoneChange,
  openMilestoneRegeneration,
  openReplan,
  type PathChangeKind,
  type PathVersion,
  type PathVersionDetail,
  type ReplanRequest,
  undoPathChange,
} from "./adaptation";
export { BrowserApiError, CONNECTION_LOST, describeWait } from "./error";
export {
  cancelGeneration,
  fetchGenerationsLeft,
  type GeneratedPath,
  type GenerationJob,
  generateLearningPath,
  type OpenGenerationStream,
  openGenerationStream,
  resumeGenerationStream,
} from "./generation";
export {
  changeSavedPath,
  deleteSavedPath,
  type SavedPathChange,
  saveGuestPathToAccount,
  saveProgressChange,
  setPathCalendarFeed,
  setPathSharing,
} from "./saved-paths";

/** Real-time progress (a streamed generation in a dialog) or one plain request. */
export function LiveProgressToggle() {
  return (
    <label className="flex items-center gap-3">
      <input
        type="checkbox"
        name="streaming"
        defaultChecked
        data-testid="streaming-toggle"
        className="h-4 w-4 accent-violet-600"
      />
      <span>Enable real-time progress updates</span>
    </label>
  );
}

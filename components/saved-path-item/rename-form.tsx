import type { FormEvent } from "react";

type Props = {
  id: string;
  title: string;
  onRename: (title: string) => void;
  onCancel: () => void;
};

/** The saved path's name as an editable field, in place of its link. */
export function RenameForm({ id, title, onRename, onCancel }: Props) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onRename(String(new FormData(event.currentTarget).get("title") ?? ""));
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap gap-2">
      <label htmlFor={`title-${id}`} className="sr-only">
        New name
      </label>
      <input
        id={`title-${id}`}
        name="title"
        defaultValue={title}
        maxLength={200}
        className="field max-w-md"
      />
      <button
        type="submit"
        className="rounded-lg bg-violet-600 px-3 py-1.5 text-sm font-medium text-white"
      >
        Save name
      </button>
      <button type="button" onClick={onCancel} className="rounded-lg px-3 py-1.5 text-sm">
        Cancel
      </button>
    </form>
  );
}

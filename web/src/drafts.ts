// Forms keep their fields on the server as the user types, so an automatic log out or a
// closed tab loses nothing; the draft comes back when the form is opened again.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, del, get, put } from "./api";

// How long typing must pause before the draft is saved.
export const SAVE_DELAY_MS = 700;

export type DraftStatus = "idle" | "saving" | "saved" | "restored" | "failed";

export function draftKey(form: string, recordId?: string): string {
  return recordId ? `${form}-${recordId}` : form;
}

// State for a form whose fields are kept as a draft under key. Returns the fields, a setter,
// the draft's status, whether the draft has loaded, and discard() for after recording.
export function useDraft<T extends object>(key: string, initial: T, recordId?: string) {
  const [fields, setFields] = useState<T>(initial);
  const [status, setStatus] = useState<DraftStatus>("idle");
  const [loaded, setLoaded] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    get<{ draft: { content: Partial<T> } }>(`/drafts/${encodeURIComponent(key)}`)
      .then((answer) => {
        if (!live) return;
        setFields({ ...initial, ...answer.draft.content });
        setStatus("restored");
      })
      .catch((e) => {
        if (!(e instanceof ApiError) || e.status !== 404) setStatus("failed");
      })
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [key]);

  const update = (next: Partial<T>) => {
    setFields((current) => {
      const merged = { ...current, ...next };
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        setStatus("saving");
        put(`/drafts/${encodeURIComponent(key)}`, { record_id: recordId ?? "", content: merged })
          .then(() => setStatus("saved"))
          .catch(() => setStatus("failed"));
      }, SAVE_DELAY_MS);
      return merged;
    });
  };

  const discard = async () => {
    clearTimeout(timer.current);
    try {
      await del(`/drafts/${encodeURIComponent(key)}`);
    } catch {
      // No draft was saved yet.
    }
  };

  return { fields, update, status, loaded, discard };
}

export function draftMessage(status: DraftStatus): string {
  switch (status) {
    case "saving": return "Saving draft…";
    case "saved": return "Draft saved";
    case "restored": return "Your draft has been restored";
    case "failed": return "Your draft could not be saved. Keep this page open and try again.";
    default: return "";
  }
}

// Turning the API's {"error": {"code", "message", "field"}} into the messages beside fields.
import { ApiError } from "./api";
import type { Errors } from "./components/fields";

// The page's id for the field the server named, such as "visit-child_seen" for
// "visit.child_seen" or "contact-participants-0-name" for "contact.participants[0].name".
export function fieldId(field: string): string {
  return field.replace(/\[(\d+)\]/g, ".$1").replace(/\./g, "-");
}

// The errors to show for a failed call: the field's label and the server's words for it.
export function errorsFrom(e: unknown, labels: Record<string, string>): Errors {
  if (!(e instanceof ApiError)) return { form: "Casework could not be reached. Check your connection and try again." };
  if (e.field) {
    const id = fieldId(e.field);
    const label = labels[id] ?? labels[e.field] ?? humanise(e.field);
    // An empty label: the server's message is a sentence on its own, such as what is missing.
    return { [id]: label ? `${label} ${e.message}` : sentence(e.message) };
  }
  return { form: sentence(e.message) };
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function humanise(field: string): string {
  const last = field.split(/[.[\]]/).filter(Boolean).pop() ?? field;
  const words = last.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Recording a case note, contact, visit or decision. Each field says in one line why the
// procedures ask for it; the form is kept as a draft on the server as the user types.
import { useEffect, useState } from "preact/hooks";
import { get, post, query } from "../api";
import { Checkbox, DateInput, ErrorSummary, Errors, Radios, TextInput, Textarea } from "../components/fields";
import { Layout, Loading, Problem } from "../components/Layout";
import { draftKey, draftMessage, useDraft } from "../drafts";
import { ENTRY_TITLES, EntryFields, EntryType, buildEntry, emptyEntry, fieldsFromEntry } from "../entryForm";
import type { JournalPage } from "../types";
import { errorsFrom } from "../errors";
import { UndefinedAcronymsWarning } from "../glossary";
import { londonNow } from "../format";
import { Link, navigate } from "../router";
import { useRecord } from "./Record";

const CLASSIFICATIONS = [
  { value: "fact", label: "Fact", hint: "Something seen, heard or verified." },
  { value: "opinion", label: "Opinion", hint: "A view someone holds, including your own." },
  { value: "assessment", label: "Assessment", hint: "Your professional analysis of what the information means." },
  { value: "judgement", label: "Judgement", hint: "A conclusion drawn from the evidence." },
  { value: "decision", label: "Decision", hint: "What has been decided." },
];

const METHODS = [
  { value: "face_to_face", label: "Face to face" }, { value: "telephone", label: "Telephone" },
  { value: "meeting", label: "Meeting" }, { value: "video_call", label: "Video call" },
  { value: "email", label: "Email" }, { value: "letter", label: "Letter" },
];

const YES_NO = [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }];

const LABELS: Record<string, string> = {
  correction_reason: "Why the entry needs correcting",
  occurred_at: "When it happened", text: "What happened", classification: "Classification",
  "source-name": "Who gave the information", "wishes_and_feelings": "The child's wishes and feelings",
  "visit-seen_alone": "Seen alone", "decision-review_date": "Review date",
};

interface Correcting {
  itemId: string;
  seq: number;
  initial: EntryFields;
}

export function RecordEntry({ id, type, correcting }: { id: string; type: EntryType; correcting?: Correcting }) {
  const { record, problem } = useRecord(id);
  const key = correcting ? draftKey(`correct-${correcting.itemId}`) : draftKey(`entry-${type}`, id);
  const { fields: f, update, status, loaded, discard } = useDraft(key, correcting?.initial ?? emptyEntry(londonNow()), id);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // Set once saved with acronyms the glossary does not define (ENT-09): the author is asked to
  // spell them out before going back to the record.
  const [saved, setSaved] = useState<{ itemId: string; acronyms: string[] } | null>(null);
  const title = correcting ? `Correct entry no. ${correcting.seq}` : ENTRY_TITLES[type];

  const submit = async (e: Event) => {
    e.preventDefault();
    const built = buildEntry(type, f);
    if (correcting && !f.correction_reason.trim()) built.errors.correction_reason = "Say why the entry needs correcting";
    setErrors(built.errors);
    if (!built.entry || Object.keys(built.errors).length) return;
    setBusy(true);
    try {
      type Recorded = { item: { id: string }; undefined_acronyms: string[] };
      const recorded = correcting
        ? await post<Recorded>(`/persons/${id}/entries/${correcting.itemId}/corrections`, { ...built.entry, correction_reason: f.correction_reason })
        : await post<Recorded>(`/persons/${id}/entries`, built.entry);
      await discard();
      if (recorded.undefined_acronyms?.length) setSaved({ itemId: recorded.item.id, acronyms: recorded.undefined_acronyms });
      else navigate(`/children/${id}`);
    } catch (err) {
      setErrors(errorsFrom(err, LABELS));
    } finally {
      setBusy(false);
    }
  };

  const setParticipant = (i: number, key: "name" | "role" | "agency", v: string) =>
    update({ participants: f.participants.map((p, j) => (j === i ? { ...p, [key]: v } : p)) });
  const setAction = (i: number, next: Partial<(typeof f.actions)[number]>) =>
    update({ actions: f.actions.map((a, j) => (j === i ? { ...a, ...next } : a)) });

  if (saved) {
    return (
      <Layout title="Entry recorded">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <div class="govuk-panel govuk-panel--confirmation">
              <h1 class="govuk-panel__title">Entry recorded</h1>
            </div>
            <UndefinedAcronymsWarning acronyms={saved.acronyms} />
            <div class="govuk-button-group">
              <Link class="govuk-button" href={`/children/${id}/correct/${saved.itemId}`}>Correct the entry to explain them</Link>
              <Link class="govuk-link" href={`/children/${id}`}>Back to the record</Link>
            </div>
          </div>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={record ? `${title} for ${record.display_name}` : title}>
      {problem && <Problem message={problem} />}
      {(!record || !loaded) && !problem && <Loading />}
      {record && loaded && (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errors} />
            <span class="govuk-caption-l">{record.display_name}{record.age ? `, aged ${record.age.years}: ${record.age.stage}` : ""}</span>
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body-s app-draft-status" role="status" aria-live="polite">{draftMessage(status)}</p>
            {correcting && (
              <div class="govuk-inset-text">
                The entry is never changed: your correction is added to the journal, pointing to it, and both stay in the record.
              </div>
            )}
            <form onSubmit={submit} novalidate>
              {correcting && (
                <Textarea id="correction_reason" label="Why does the entry need correcting?" value={f.correction_reason} rows={3}
                  onInput={(v) => update({ correction_reason: v })} hint="Shown with the correction, so readers know what changed and why."
                  error={errors.correction_reason} />
              )}
              <DateInput id="occurred_at" label="When did it happen?" value={f.when} onChange={(v) => update({ when: v })}
                hint="The record shows when things happened as well as when they were written; entries made later than the partnership allows are marked late."
                error={errors.occurred_at} />
              <TextInput id="occurred_at-time" label="Time" value={f.time} onInput={(v) => update({ time: v })} width="5"
                hint="For example, 14:30 or 2:30pm (UK time)." error={errors["occurred_at-time"]} />
              <TextInput id="title" label="Heading (optional)" value={f.title} onInput={(v) => update({ title: v })}
                hint="A few words that make the entry easy to find in the journal." />
              <Textarea id="text" label="What happened" value={f.text} onInput={(v) => update({ text: v })} rows={8}
                hint="Write plainly, as the child or family may read it one day. Explain any abbreviation." error={errors.text} />
              <Radios id="classification" label="Is this fact, opinion, assessment, judgement or decision?" value={f.classification}
                choices={CLASSIFICATIONS} onChange={(v) => update({ classification: v })}
                hint="Readers must be able to tell fact from opinion." error={errors.classification} />
              <Radios id="source-first_hand" label="Did you see or hear this yourself?" value={f.first_hand} choices={YES_NO} inline
                onChange={(v) => update({ first_hand: v })} hint="Information from someone else must name its source."
                error={errors["source-first_hand"]} />
              {f.first_hand === "no" && (
                <div class="app-repeat">
                  <TextInput id="source-name" label="Who gave the information?" value={f.source_name} onInput={(v) => update({ source_name: v })}
                    hint="So the reader can weigh it and check it." error={errors["source-name"]} />
                  <TextInput id="source-relationship" label="Their relationship to the child or their role" value={f.source_relationship}
                    onInput={(v) => update({ source_relationship: v })} />
                </div>
              )}

              {type === "visit" && (
                <>
                  <Radios id="visit-child_seen" label="Did you see the child?" value={f.child_seen} choices={YES_NO} inline
                    onChange={(v) => update({ child_seen: v })} hint="Every visit records whether the child was seen." error={errors["visit-child_seen"]} />
                  {f.child_seen === "no" && (
                    <Textarea id="visit-not_seen_reason" label="Why was the child not seen?" value={f.not_seen_reason} rows={3}
                      onInput={(v) => update({ not_seen_reason: v })} hint="Managers follow up children who were not seen." error={errors["visit-not_seen_reason"]} />
                  )}
                  {f.child_seen === "yes" && (
                    <Radios id="visit-seen_alone" label="Did you see the child alone?" value={f.seen_alone} choices={YES_NO} inline
                      onChange={(v) => update({ seen_alone: v })} hint="Seeing a child alone lets them speak freely." error={errors["visit-seen_alone"]} />
                  )}
                  {f.child_seen === "yes" && f.seen_alone === "no" && (
                    <Textarea id="visit-not_seen_alone_reason" label="Why was the child not seen alone?" value={f.not_seen_alone_reason} rows={3}
                      onInput={(v) => update({ not_seen_alone_reason: v })} error={errors["visit-not_seen_alone_reason"]} />
                  )}
                </>
              )}

              {type === "contact" && (
                <>
                  <Radios id="contact-method" label="How did the contact happen?" value={f.method} choices={METHODS}
                    onChange={(v) => update({ method: v })} hint="Face to face, by telephone, at a meeting or otherwise." error={errors["contact-method"]} />
                  <h2 class="govuk-heading-m">Who took part</h2>
                  <p class="govuk-body">Contacts record everyone involved, so responsibilities are clear.</p>
                  {f.participants.map((p, i) => (
                    <fieldset class="govuk-fieldset app-repeat" key={i}>
                      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Person {i + 1}</legend>
                      <TextInput id={`contact-participants-${i}-name`} label="Name" value={p.name} onInput={(v) => setParticipant(i, "name", v)}
                        error={errors[`contact-participants-${i}-name`]} />
                      <TextInput id={`contact-participants-${i}-role`} label="Role or relationship" value={p.role} onInput={(v) => setParticipant(i, "role", v)}
                        error={errors[`contact-participants-${i}-role`]} />
                      <TextInput id={`contact-participants-${i}-agency`} label="Agency (if any)" value={p.agency} onInput={(v) => setParticipant(i, "agency", v)} />
                    </fieldset>
                  ))}
                  <button type="button" class="govuk-button govuk-button--secondary"
                    onClick={() => update({ participants: [...f.participants, { name: "", role: "", agency: "" }] })}>Add another person</button>
                  <Textarea id="contact-decisions" label="What was decided" value={f.decisions} rows={3} onInput={(v) => update({ decisions: v })}
                    hint="Decisions made at the contact, so everyone knows what was agreed." />
                  <h2 class="govuk-heading-m">Actions</h2>
                  <p class="govuk-body">Each action names who is responsible and when it is due.</p>
                  {f.actions.map((a, i) => (
                    <fieldset class="govuk-fieldset app-repeat" key={i}>
                      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Action {i + 1}</legend>
                      <TextInput id={`contact-actions-${i}-description`} label="What is to be done" value={a.description}
                        onInput={(v) => setAction(i, { description: v })} error={errors[`contact-actions-${i}-description`]} />
                      <TextInput id={`contact-actions-${i}-responsible`} label="Who is responsible" value={a.responsible}
                        onInput={(v) => setAction(i, { responsible: v })} error={errors[`contact-actions-${i}-responsible`]} />
                      <DateInput id={`contact-actions-${i}-due`} label="Due by" value={a.due} onChange={(v) => setAction(i, { due: v })}
                        error={errors[`contact-actions-${i}-due`]} />
                    </fieldset>
                  ))}
                  <button type="button" class="govuk-button govuk-button--secondary"
                    onClick={() => update({ actions: [...f.actions, { description: "", responsible: "", due: { day: "", month: "", year: "" } }] })}>Add an action</button>
                </>
              )}

              {type === "decision" && (
                <>
                  <TextInput id="decision-decided_by" label="Who made the decision?" value={f.decided_by} onInput={(v) => update({ decided_by: v })}
                    hint="Decisions are accountable to a named person." error={errors["decision-decided_by"]} />
                  <TextInput id="decision-decided_by_post_title" label="Their post title" value={f.decided_by_post_title}
                    onInput={(v) => update({ decided_by_post_title: v })} error={errors["decision-decided_by_post_title"]} />
                  <Textarea id="decision-reasons" label="Why was it decided?" value={f.reasons} rows={4} onInput={(v) => update({ reasons: v })}
                    hint="The reasons and the evidence, so the decision can be understood and reviewed." error={errors["decision-reasons"]} />
                  <DateInput id="decision-review_date" label="When will it be reviewed?" value={f.review} onChange={(v) => update({ review: v })}
                    hint="Decisions are listed for review on this date." error={errors["decision-review_date"]} />
                </>
              )}

              <Textarea id="wishes_and_feelings" label="The child's wishes and feelings" value={f.wishes} rows={4}
                onInput={(v) => update({ wishes: v })}
                hint={`In the child's own words where you can. ${type === "visit" || type === "decision" ? "Required, or say why they could not be obtained." : ""}`}
                error={errors.wishes_and_feelings} />
              {!f.wishes.trim() && (
                <Textarea id="wishes_not_obtained_reason" label="If you could not find out the child's wishes and feelings, why not?"
                  value={f.wishes_not_obtained} rows={2} onInput={(v) => update({ wishes_not_obtained: v })}
                  hint="For example, the child is a baby, or was asleep." error={errors.wishes_not_obtained_reason} />
              )}
              <Checkbox id="provided_by" label="I am writing this for someone else" checked={f.on_behalf}
                onChange={(v) => update({ on_behalf: v })} hint="The entry then names who gave you the information; they can countersign it." />
              {f.on_behalf && (
                <div class="app-repeat">
                  <TextInput id="provided_by-name" label="Who gave you the information?" value={f.provided_name}
                    onInput={(v) => update({ provided_name: v })} error={errors["provided_by-name"]} />
                  <TextInput id="provided_by-post_title" label="Their post title" value={f.provided_post}
                    onInput={(v) => update({ provided_post: v })} />
                </div>
              )}
              <Checkbox id="significant" label="This is a significant event" checked={f.significant}
                onChange={(v) => update({ significant: v })} hint="Significant events make up the child's chronology." />
              <div class="govuk-button-group">
                <button class="govuk-button" type="submit" disabled={busy}>{correcting ? "Record the correction" : `Record ${type.replace("_", " ")}`}</button>
                <Link class="govuk-link" href={`/children/${id}`}>Back to the record (your draft is kept)</Link>
              </div>
            </form>
          </div>
        </div>
      )}
    </Layout>
  );
}

// Loads the entry to correct from the journal, then shows the form holding what it said.
export function CorrectEntry({ id, itemId }: { id: string; itemId: string }) {
  const [found, setFound] = useState<{ type: EntryType; correcting: Correcting } | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    (async () => {
      let before: number | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await get<JournalPage>(`/persons/${id}/journal${query({ limit: 500, before })}`);
        const item = page.items.find((i) => i.id === itemId);
        if (item) {
          const body = item.body ?? {};
          if (!body.type) throw new Error("only case notes, contacts, visits and decisions can be corrected here");
          setFound({ type: body.type, correcting: { itemId, seq: item.seq, initial: fieldsFromEntry(body, londonNow()) } });
          return;
        }
        if (!page.more || page.next_before === null) break;
        before = page.next_before;
      }
      throw new Error("there is no such entry in this record");
    })().catch((e) => setProblem(e.message));
  }, [id, itemId]);
  if (problem) return <Layout title="Correct an entry"><Problem message={problem} /></Layout>;
  if (!found) return <Layout title="Correct an entry"><Loading /></Layout>;
  return <RecordEntry id={id} type={found.type} correcting={found.correcting} />;
}

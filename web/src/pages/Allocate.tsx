// A team manager allocates a child's record to someone in their team: the worker through whom
// practitioners and managers work with the child, and whose lists the child's clocks appear on.
import { useEffect, useState } from "preact/hooks";
import { get, put } from "../api";
import { Errors, Radios } from "../components/fields";
import { Layout, Loading, Problem } from "../components/Layout";
import { RecordForm } from "../components/RecordForm";
import { errorsFrom } from "../errors";
import { navigate } from "../router";
import { useRecord } from "./Record";

export interface TeamMember { id: string; full_name: string; post_title: string; role: string }

export function Allocate({ id }: { id: string }) {
  const { record, problem } = useRecord(id);
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [loadProblem, setLoadProblem] = useState("");
  const [worker, setWorker] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  useEffect(() => {
    get<{ members: TeamMember[] }>("/team/members").then((r) => setMembers(r.members)).catch((e) => setLoadProblem(e.message));
  }, []);
  useEffect(() => {
    if (record?.case_record?.allocated_worker_id) setWorker(record.case_record.allocated_worker_id);
  }, [record]);
  const trouble = problem || loadProblem || (record && !record.case_record ? "This person has no case record to allocate." : "");
  const title = "Allocate the record";
  const submit = async () => {
    if (!worker) {
      setErrors({ worker_id: "Choose who to allocate the record to" });
      return;
    }
    try {
      await put(`/persons/${id}/allocation`, { worker_id: worker, version: record!.case_record!.version });
      navigate(`/children/${id}`);
    } catch (e) {
      setErrors(errorsFrom(e, { worker_id: "The worker", version: "" }));
    }
  };
  return (
    <Layout title={record ? `${title}: ${record.display_name}` : title}>
      {trouble && <Problem message={trouble} />}
      {(!record || !members) && !trouble && <Loading />}
      {record && record.case_record && members && (
        <RecordForm record={record} title={title} errors={errors} onSubmit={submit} button="Allocate" cancel={`/children/${id}`}>
          <Radios id="worker_id" label="Who will be the child's allocated worker?" value={worker} onChange={setWorker} error={errors.worker_id}
            hint="The record moves to their caseload and their team's; their due and overdue lists include its clocks."
            choices={members.map((m) => ({ value: m.id, label: m.full_name, hint: m.post_title }))} />
        </RecordForm>
      )}
    </Layout>
  );
}

// Children for the flows to work with, recorded through the API as a practitioner would, so
// each flow can start from a caseload that is not empty.
export async function seed(base, password) {
  const signedIn = await call(base, "POST", "/sessions", { username: "sam.okafor", password });
  const auth = { Authorization: `Bearer ${signedIn.token}` };
  const children = [
    { given_names: "Amelia", family_name: "Clarke", date_of_birth: "2018-04-02", nhs_number: "943 476 5919" },
    { given_names: "Tyler", family_name: "Brooks", date_of_birth: "2012-09-14" },
  ];
  const manager = await call(base, "POST", "/sessions", { username: "maureen.hughes", password });
  for (const child of children) {
    const created = await call(base, "POST", "/children", child, auth);
    await call(base, "POST", `/persons/${created.person.id}/entries`, {
      type: "case_note",
      occurred_at: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, "Z"),
      classification: "fact",
      text: `Referral received from school about ${child.given_names}.`,
      source: { first_hand: false, name: "Designated safeguarding lead", relationship: "school" },
      significant: true,
    }, auth);
    if (child.given_names !== "Amelia") continue;
    // ENT-04: a note of what the team manager said, written for her, for her to countersign.
    await call(base, "POST", `/persons/${created.person.id}/entries`, {
      type: "case_note",
      occurred_at: new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, "Z"),
      classification: "decision",
      text: "Maureen agreed on the telephone that Amelia's school should be asked for attendance records.",
      source: { first_hand: false, name: "Maureen Hughes", relationship: "team manager" },
      provided_by: { user_id: manager.user.id },
    }, auth);
  }
}

async function call(base, method, path, body, headers = {}) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`seeding: ${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

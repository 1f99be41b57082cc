#include "demo/stories.h"

#include <vector>

namespace casework::demo {
namespace {

using Lines = std::vector<std::string>;

// Replaces {c} (the child), {m} (the mother), {s} (the school) and {w} (the worker).
std::string Fill(std::string text, const StoryContext& ctx) {
  const std::pair<const char*, const std::string*> keys[] = {
      {"{c}", &ctx.child}, {"{m}", &ctx.mother}, {"{s}", &ctx.school}, {"{w}", &ctx.worker}};
  for (const auto& [key, value] : keys) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value->size())) {
      text.replace(at, 3, *value);
    }
  }
  return text;
}

// Some of the sentences, in order, so entries vary in length as real ones do.
std::string Compose(Rng& rng, const StoryContext& ctx, const std::vector<Lines>& parts) {
  std::string text;
  for (const Lines& part : parts) {
    if (part.empty() || (!text.empty() && rng.Chance(0.25))) continue;
    if (!text.empty()) text += rng.Chance(0.3) ? "\n\n" : " ";
    text += Fill(rng.Pick(part), ctx);
  }
  return text;
}

const Lines kReferrers = {"police", "school", "health visitor", "GP", "neighbour", "mother"};

std::string ChildWords(Rng& rng, int age) {
  static const Lines little = {
      "I like it when Mummy reads me the dinosaur book.", "I don't like it when they shout. I hide under my bed.",
      "Nanna gives me biscuits. I want to go to Nanna's.", "My tummy hurts when I'm hungry.",
      "I want my dog to come too.", "Daddy broke the telly. I was scared."};
  static const Lines middle = {
      "I'm scared when Dad comes round and he's been drinking. I go upstairs with my brother.",
      "School is OK. I like football club and my teacher is kind.",
      "I don't want to move schools again. All my friends are here.",
      "Mum tries her best. I help with the little ones in the morning.",
      "I want to see my dad but only at McDonald's, not at his flat.",
      "Sometimes there isn't any food so I have breakfast club."};
  static const Lines teen = {
      "I've told it all before to the last social worker. Nothing changes.",
      "I just want to be left alone. I'm fine at my nan's.",
      "I don't go home until late because it's better than being in the house.",
      "I want to go to college and do hair and beauty. I need my GCSEs first.",
      "If he comes back I'm leaving. I mean it.",
      "I'd rather talk to you at school than at home where they can hear."};
  if (age < 8) return rng.Pick(little);
  if (age < 13) return rng.Pick(middle);
  return rng.Pick(teen);
}

// The child's words, or why they could not be had.
void Wishes(Rng& rng, const StoryContext& ctx, Entry& e) {
  if (ctx.age < 3) {
    e.wishes_not_obtained_reason =
        Fill("{c} is too young to give views in words. {c} was observed to be settled with {m}, reaching for "
             "her for comfort, and babbling when played with.",
             ctx);
  } else if (rng.Chance(0.05)) {
    e.wishes_not_obtained_reason = Fill("{c} was asleep when I arrived and {m} did not want {c} woken.", ctx);
  } else {
    e.wishes_and_feelings = ChildWords(rng, ctx.age);
  }
}

Entry Visit(Rng& rng, const StoryContext& ctx) {
  Entry e;
  e.type = EntryType::kVisit;
  e.title = rng.Chance(0.5) ? "Home visit" : "Statutory visit";
  e.text = Compose(rng, ctx,
                   {{"Unannounced home visit.", "Planned home visit; {m} knew I was coming.",
                     "Visit to see {c} at home after school."},
                    {"The house was warm and tidy; there was food in the fridge.",
                     "The living room was cluttered and there was a strong smell of smoke.",
                     "The kitchen had dirty pots piled up and the bin was overflowing.",
                     "{m} had made an effort: the children's bedroom had new bedding."},
                    {"{c} showed me their bedroom and their drawings.",
                     "{c} was quiet at first but warmed up when we played Uno.",
                     "{c} stayed close to {m} throughout.",
                     "{c} talked about school and said the dinners are better this term."},
                    {"I saw no marks or bruises.", "{c} had a small bruise on the shin; {m} said it was from PE and "
                                                   "{c} said the same when asked alone.",
                     "{c} was wearing clean clothes that fitted."},
                    {"I spoke with {m} about the safety plan and who may visit the house.",
                     "{m} said things have been calmer since her partner moved out.",
                     "{m} was tearful and said she is struggling with money; I gave her the foodbank voucher."}});
  e.classification = Classification::kFact;
  e.source.first_hand = true;
  VisitDetails v;
  v.child_seen = !rng.Chance(0.06);
  if (!v.child_seen) {
    v.not_seen_reason = Fill("No answer at the door. I could hear the television; a card was left asking {m} to "
                             "ring me.",
                             ctx);
    e.wishes_not_obtained_reason = Fill("{c} was not seen on this visit.", ctx);
  } else {
    v.seen_alone = ctx.age >= 4 && rng.Chance(0.7);
    if (!v.seen_alone) {
      v.not_seen_alone_reason = ctx.age < 4 ? "too young to be seen apart from their mother"
                                            : Fill("{m} would not leave the room; I will see {c} at school.", ctx);
    }
    Wishes(rng, ctx, e);
  }
  e.visit = v;
  e.significant = rng.Chance(0.15);
  return e;
}

Entry Contact(Rng& rng, const StoryContext& ctx, bool referral) {
  Entry e;
  e.type = EntryType::kContact;
  std::string who = referral ? rng.Pick(kReferrers) : rng.Pick(Lines{"school", "health visitor", "police", "GP"});
  ContactDetails c;
  c.method = referral ? ContactMethod::kTelephone
                      : rng.Pick(std::vector<ContactMethod>{ContactMethod::kTelephone, ContactMethod::kMeeting,
                                                            ContactMethod::kEmail, ContactMethod::kVideoCall});
  if (who == "school") c.participants.push_back({"Mrs J. Holt", "designated safeguarding lead", ctx.school});
  else if (who == "police") c.participants.push_back({"PC Dan Whitworth", "police officer", "West Yorkshire Police"});
  else if (who == "health visitor") c.participants.push_back({"Helen Ward", "health visitor", "Health"});
  else if (who == "GP") c.participants.push_back({"Dr A. Rahman", "GP", "Chapeltown Health Centre"});
  else if (who == "neighbour") c.participants.push_back({"a neighbour (did not give a name)", "neighbour", ""});
  else c.participants.push_back({ctx.mother, "mother", ""});
  c.participants.push_back({ctx.worker, "social worker", "Children's Social Care"});
  e.title = referral ? "Referral from " + who : "Contact with " + who;
  e.text = Compose(
      rng, ctx,
      {{referral ? "Referral received by telephone." : "Telephone call to share information.",
        "Information shared following a multi-agency meeting."},
       {"Police attended the home overnight after neighbours reported shouting; {m} had a cut lip.",
        "{c} came to school hungry three days this week and said there was no food at home.",
        "{c} has missed 14 sessions this half term; attendance is 71%.",
        "{m} disclosed to the health visitor that her ex-partner has been turning up at the house.",
        "{c} told a teacher that Dad hit him with a belt. There is a red mark on his arm.",
        "Concerns about {m}'s drinking; she was unsteady at pick-up on Friday."},
       {"The referrer has spoken to {m}, who agreed to the referral.",
        "{m} has not been told of the referral because of the risk it may pose to {c}."},
       {"Agreed that the social worker would visit within five working days.",
        "Agreed that the school will keep a daily log of {c}'s presentation."}});
  c.decisions = referral ? "A social worker to see the child and family; checks with health and police."
                         : "Information shared; no change to the plan.";
  e.contact = c;
  e.classification = Classification::kFact;
  e.source.first_hand = false;
  e.source.name = c.participants.front().name;
  e.source.relationship = c.participants.front().role;
  e.significant = referral || rng.Chance(0.2);
  return e;
}

Entry Decision(Rng& rng, const StoryContext& ctx, bool first) {
  Entry e;
  e.type = EntryType::kDecision;
  e.classification = Classification::kDecision;
  e.title = first ? rng.Pick(Lines{"Single assessment to begin", "Strategy discussion: section 47 enquiry"})
                  : rng.Pick(Lines{"Child protection plan to continue", "Step down to early help",
                                   "Initial child protection conference to be convened", "Child in need plan"});
  e.text = Compose(rng, ctx,
                   {{"Management decision after discussion with {w}."},
                    {"The information suggests {c} may be suffering, or likely to suffer, significant harm.",
                     "The risks have reduced since the last review but are not gone.",
                     "{m} has engaged with the plan and the children are seen regularly."}});
  DecisionDetails d;
  d.decided_by = ctx.manager;
  d.decided_by_post_title = ctx.manager_title;
  d.reasons = Compose(rng, ctx,
                      {{"Domestic abuse incidents are repeated and escalating.",
                        "{c}'s school attendance and presentation have improved.",
                        "{m} has stopped working with the drug and alcohol service."},
                       {"{c}'s own account fits the concerns raised.", "The other agencies share the view."}});
  e.decision = d;
  Wishes(rng, ctx, e);
  e.significant = true;
  return e;
}

Entry CaseNote(Rng& rng, const StoryContext& ctx) {
  Entry e;
  e.type = EntryType::kCaseNote;
  e.classification = rng.Pick(std::vector<Classification>{Classification::kFact, Classification::kFact,
                                                          Classification::kOpinion, Classification::kAssessment});
  e.title = rng.Pick(Lines{"", "", "Case note", "Supervision", "Checks completed", "Message left"});
  e.text = Compose(rng, ctx,
                   {{"Telephoned {m}; no answer, voicemail left.", "Checks with health completed.",
                     "Discussed in supervision.", "Letter sent to {m} confirming the next visit.",
                     "{c}'s school confirmed attendance has been 96% this month."},
                    {"Immunisations are up to date and {c} is registered with a dentist.",
                     "In my view {m} understands the worries but struggles to act on them without support.",
                     "The family support worker will start on Monday, twice a week."},
                    {"Next visit booked.", "To review at the core group."}});
  e.source.first_hand = true;
  e.significant = rng.Chance(0.05);
  return e;
}

}  // namespace

Entry Referral(Rng& rng, const StoryContext& ctx, Timestamp at) {
  Entry e = Contact(rng, ctx, true);
  e.occurred_at = at;
  return e;
}

Entry FirstDecision(Rng& rng, const StoryContext& ctx, Timestamp at) {
  Entry e = Decision(rng, ctx, true);
  e.occurred_at = at;
  e.decision->review_date = Date{date::sys_days{LondonDate(at)} + date::days{rng.Between(20, 45)}};
  return e;
}

Entry LaterEntry(Rng& rng, const StoryContext& ctx, Timestamp at, EntryType type) {
  Entry e;
  switch (type) {
    case EntryType::kCaseNote: e = CaseNote(rng, ctx); break;
    case EntryType::kContact: e = Contact(rng, ctx, false); break;
    case EntryType::kVisit: e = Visit(rng, ctx); break;
    case EntryType::kDecision: e = Decision(rng, ctx, false); break;
  }
  e.occurred_at = at;
  if (e.decision) e.decision->review_date = Date{date::sys_days{LondonDate(at)} + date::days{rng.Between(28, 90)}};
  if (e.contact && rng.Chance(0.5)) {
    e.contact->actions.push_back({Fill("Send {m} the minutes and the updated plan", ctx), ctx.worker,
                                  Date{date::sys_days{LondonDate(at)} + date::days{rng.Between(3, 21)}}});
  }
  return e;
}

Entry Corrected(Rng& rng, Entry original) {
  static const Lines reasons = {"Wrong date of the incident given by the referrer; corrected after checking the "
                                "police log.",
                                "Recorded on the wrong sibling's record first; this entry gives the right detail.",
                                "Typing error in the name of the school.",
                                "The mother's words were attributed to the grandmother; corrected."};
  original.correction_reason = rng.Pick(reasons);
  original.text += "\n\n(Corrected: see reason.)";
  return original;
}

}  // namespace casework::demo

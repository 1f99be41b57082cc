// Which page each address shows, and signing in before anything else.
import { useEffect } from "preact/hooks";
import { onPasswordChangeRequired, onSignedOut, onTwoFactorSetupRequired } from "./api";
import { checkSession, passwordChangeRequired, sessionEnded, twoFactorSetupRequired, useAuth } from "./auth";
import { Layout, Loading } from "./components/Layout";
import { SessionWarning } from "./components/SessionWarning";
import type { EntryType } from "./entryForm";
import { match, navigate, useLocation } from "./router";
import { Accessibility } from "./pages/Accessibility";
import { AddRelationship } from "./pages/AddRelationship";
import { Allocate } from "./pages/Allocate";
import { Account, ChangePassword } from "./pages/Account";
import { EditDetails, NewAddress } from "./pages/EditDetails";
import { BreakGlassReview } from "./pages/BreakGlass";
import { DecideExtension, RecordConsultation, RecordEvent, RequestExtension, ShorterTimescale } from "./pages/ClockForms";
import { ExtensionRequests, OverdueClocks } from "./pages/ClockLists";
import { Home } from "./pages/Home";
import { Birth, BirthCertificate, BirthRegistration, OtherName } from "./pages/IdentityForms";
import { NewChild } from "./pages/NewChild";
import { NewUnborn } from "./pages/NewUnborn";
import { Record } from "./pages/Record";
import { CorrectEntry, RecordEntry } from "./pages/RecordEntry";
import { Search } from "./pages/Search";
import { NewConsent, NewDisclosure } from "./pages/Sharing";
import { SignIn } from "./pages/SignIn";
import { TwoFactorRequired } from "./pages/TwoFactor";

const ENTRY_TYPES = ["case_note", "contact", "visit", "decision"];

function Page({ path }: { path: string }) {
  let p: Record<string, string> | null;
  if (path === "/") return <Home />;
  if (path === "/search") return <Search />;
  if (path === "/account") return <Account />;
  if (path === "/account/password") return <ChangePassword />;
  if (path === "/children/new") return <NewChild />;
  if (path === "/unborn/new") return <NewUnborn />;
  if ((p = match("/children/:id", path))) return <Record id={p.id} tab="journal" />;
  if ((p = match("/children/:id/chronology", path))) return <Record id={p.id} tab="chronology" />;
  if ((p = match("/children/:id/details", path))) return <Record id={p.id} tab="details" />;
  if ((p = match("/children/:id/relationships", path))) return <Record id={p.id} tab="relationships" />;
  if ((p = match("/children/:id/access-log", path))) return <Record id={p.id} tab="access-log" />;
  if ((p = match("/children/:id/allocation", path))) return <Allocate id={p.id} />;
  if ((p = match("/children/:id/relationships/new", path))) return <AddRelationship id={p.id} />;
  if ((p = match("/children/:id/sharing", path))) return <Record id={p.id} tab="sharing" />;
  if ((p = match("/children/:id/consents/new", path))) return <NewConsent id={p.id} />;
  if ((p = match("/children/:id/disclosures/new", path))) return <NewDisclosure id={p.id} />;
  if ((p = match("/children/:id/clocks", path))) return <Record id={p.id} tab="clocks" />;
  if ((p = match("/children/:id/events/new", path))) return <RecordEvent id={p.id} />;
  if ((p = match("/children/:id/clocks/:clock/shorter", path))) return <ShorterTimescale id={p.id} clockId={p.clock} />;
  if ((p = match("/children/:id/clocks/:clock/extension", path))) return <RequestExtension id={p.id} clockId={p.clock} />;
  if ((p = match("/children/:id/clocks/:clock/consultation", path))) return <RecordConsultation id={p.id} clockId={p.clock} />;
  if ((p = match("/children/:id/clocks/:clock/decision", path))) return <DecideExtension id={p.id} clockId={p.clock} />;
  if (path === "/extension-requests") return <ExtensionRequests />;
  if (path === "/overdue") return <OverdueClocks />;
  if (path === "/break-glass") return <BreakGlassReview />;
  if ((p = match("/children/:id/record/:type", path)) && ENTRY_TYPES.includes(p.type)) {
    return <RecordEntry id={p.id} type={p.type as EntryType} />;
  }
  if ((p = match("/children/:id/correct/:item", path))) return <CorrectEntry id={p.id} itemId={p.item} />;
  if ((p = match("/children/:id/names/new", path))) return <OtherName id={p.id} />;
  if ((p = match("/children/:id/details/edit", path))) return <EditDetails id={p.id} />;
  if ((p = match("/children/:id/addresses/new", path))) return <NewAddress id={p.id} />;
  if ((p = match("/children/:id/birth-certificate", path))) return <BirthCertificate id={p.id} />;
  if ((p = match("/children/:id/birth", path))) return <Birth id={p.id} />;
  if ((p = match("/children/:id/birth-registration", path))) return <BirthRegistration id={p.id} />;
  return (
    <Layout title="Page not found">
      <h1 class="govuk-heading-l">Page not found</h1>
      <p class="govuk-body">If you typed the web address, check it is correct. You can search for a person with the box above.</p>
    </Layout>
  );
}

export function App() {
  const { checked, user, mustChangePassword, twoFactor } = useAuth();
  const { path } = useLocation();

  useEffect(() => {
    checkSession();
    const stopPassword = onPasswordChangeRequired(passwordChangeRequired);
    const stopTwoFactor = onTwoFactorSetupRequired(twoFactorSetupRequired);
    const stopSignedOut = onSignedOut(sessionEnded);
    return () => {
      stopPassword();
      stopTwoFactor();
      stopSignedOut();
    };
  }, []);

  useEffect(() => {
    if (checked && !user && path !== "/sign-in" && path !== "/accessibility") {
      navigate(`/sign-in?return=${encodeURIComponent(path + location.search)}`, true);
    }
  }, [checked, user, path]);

  if (path === "/accessibility") return <Accessibility />;
  if (!checked) return <Layout title="Casework"><Loading /></Layout>;
  if (!user || path === "/sign-in") return <SignIn />;
  if (mustChangePassword) return <><ChangePassword /><SessionWarning /></>;
  if (twoFactor.setup_required) return <><TwoFactorRequired /><SessionWarning /></>;
  return (
    <>
      <Page path={path} />
      <SessionWarning />
    </>
  );
}

import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { SetUpSteps, TwoFactorOn } from "./TwoFactor";
import { CodeStep } from "./SignIn";

const setup = {
  secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
  otpauth_uri: "otpauth://totp/Casework:sam?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Casework",
};
const none = () => {};

// SEC-03: what the pages show for two-factor sign-in.
describe("setting up two-factor sign-in", () => {
  it("SEC03 shows the QR code, the key to type and the address for an app on this device", () => {
    const html = render(<SetUpSteps setup={setup} code="" onCode={none} busy={false} onSubmit={none} />);
    expect(html).toContain('aria-label="QR code for your authenticator app to scan"');
    expect(html).toContain("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    expect(html).toContain(`href="${setup.otpauth_uri.replace(/&/g, "&amp;")}"`);
    expect(html).toContain('autocomplete="one-time-code"');
    expect(html).toContain('inputmode="numeric"');
    expect(html).toContain("Turn on two-factor sign-in");
  });
  it("SEC03 shows a wrong code beside the field", () => {
    const html = render(<SetUpSteps setup={setup} code="" onCode={none} busy={false} onSubmit={none}
      error="The code is not the code your app shows now" />);
    expect(html).toContain("govuk-form-group--error");
    expect(html).toContain('id="code-error"');
  });
});

describe("two-factor sign-in already on", () => {
  it("SEC03 offers to turn it off with a code", () => {
    const html = render(<TwoFactorOn state={{ enabled: true, required: false, setup_required: false }} onOff={none} />);
    expect(html).toContain("Turn off two-factor sign-in");
    expect(html).toContain('id="off-code"');
  });
  it("SEC03 does not offer to turn it off when the role requires it", () => {
    const html = render(<TwoFactorOn state={{ enabled: true, required: true, setup_required: false }} onOff={none} />);
    expect(html).not.toContain("Turn off two-factor sign-in");
    expect(html).toContain("cannot be turned off");
  });
});

describe("signing in with a code", () => {
  it("SEC03 asks for the code from the app after the password", () => {
    const html = render(<CodeStep code="" onCode={none} busy={false} onSubmit={none} onRestart={none} errors={{}} />);
    expect(html).toContain("Enter the code from your authenticator app");
    expect(html).toContain('autocomplete="one-time-code"');
    expect(html).toContain("Sign in as someone else");
  });
});
